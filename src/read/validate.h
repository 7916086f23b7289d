/* validate.h: the checks a schema cannot make, in one pass over the model:
 * real calendar dates, numbers that parse, relation ends that name players,
 * unique ids, safe link targets.  It also fills the parsed fields (dates,
 * chart values) that layout relies on. */
#ifndef BRIEFING_VALIDATE_H
#define BRIEFING_VALIDATE_H

#include "base/diag.h"
#include "read/model.h"

/* Check b, adding every problem to d.  Returns the number of errors. */
int validate(struct briefing *b, struct diags *d);

/* True when href is a link target we write into a PDF (http, https,
 * mailto). */
int validate_href(const char *href);

#endif
