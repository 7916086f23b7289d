/* schemas.h: the RELAX NG grammars built into the program (src/schema/). */
#ifndef BRIEFING_SCHEMAS_H
#define BRIEFING_SCHEMAS_H

extern const char schema_story_rng[];
extern const unsigned int schema_story_rng_len;
extern const char schema_layout_rng[];
extern const unsigned int schema_layout_rng_len;

#endif
