/* html.c: the HTML body, written the way mail clients render alike (the
 * conventions of e-mail frameworks): a centred table 600 px wide that
 * narrows on a phone, inline styles on every element, web-safe font
 * stacks after the layout's own families, nothing loaded from outside, no
 * script; light and dark colour schemes, a hidden preheader, the
 * layout's accent and category colours. */
#include <stdio.h>
#include <string.h>

#include "base/date.h"
#include "base/util.h"
#include "mail/mail.h"

/* Dark-mode colours: a near-black page, a card a step lighter. */
#define DARK_BG		"#111315"
#define DARK_CARD	"#1b1e22"
#define DARK_TEXT	"#e7e8eb"
#define DARK_MUTED	"#a4a8b0"
#define DARK_RULE	"#363a41"

struct html {
	struct buf		*b;
	const struct mail_view	*v;
	char			 serif[160], sans[160];
};

static void
esc(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n && s[i]; i++)
		switch (s[i]) {
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '&': buf_adds(b, "&amp;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		default: buf_addc(b, s[i]);
		}
}

static void
escs(struct buf *b, const char *s)
{
	esc(b, s, strlen(s));
}

/* #rrggbb of a 0xRRGGBBAA colour, mixed toward white by w (0..1). */
static const char *
hex(uint32_t c, double w, char out[8])
{
	unsigned rgb[3] = { c >> 24 & 0xff, c >> 16 & 0xff, c >> 8 & 0xff };

	for (int i = 0; i < 3; i++)
		rgb[i] = (unsigned)(rgb[i] + (255 - rgb[i]) * w + 0.5);
	snprintf(out, 8, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
	return out;
}

/* A font stack: the layout's family first (for readers who have it), then
 * faces every system has. */
static void
stack(char *out, size_t n, const char *family, int sans)
{
	char fam[64];
	size_t k = 0;

	for (const char *p = family ? family : ""; *p && k < sizeof(fam) - 1; p++)
		if (!strchr("'\"<>&;\\{}", *p))
			fam[k++] = *p;
	fam[k] = '\0';
	snprintf(out, n, "%s%s%s%s", k ? "'" : "", fam, k ? "'," : "", sans ?
	    "'Helvetica Neue',Helvetica,Arial,sans-serif" :
	    "Georgia,'Times New Roman',Times,serif");
}

/* A rich text with its emphasis and links. */
static void
rich(struct html *h, const struct rich *r, const char *link_color)
{
	struct buf *b = h->b;

	for (size_t i = 0; i <= r->len; i++) {
		for (size_t k = r->nmarks; k-- > 0;) {
			const struct mark *m = &r->marks[k];

			if (m->end != i || m->start == m->end)
				continue;
			buf_adds(b, m->kind == MARK_EM ? "</em>" : m->kind ==
			    MARK_STRONG ? "</strong>" : m->kind == MARK_LINK ? "</a>" :
			    m->kind == MARK_SUP ? "</sup>" : m->kind == MARK_SUB ?
			    "</sub>" : "</span>");
		}
		for (size_t k = 0; k < r->nmarks; k++) {
			const struct mark *m = &r->marks[k];

			if (m->start != i || m->start == m->end)
				continue;
			if (m->kind == MARK_EM)
				buf_adds(b, "<em style=\"font-style:italic\">");
			else if (m->kind == MARK_STRONG)
				buf_adds(b, "<strong style=\"font-weight:bold\">");
			else if (m->kind == MARK_SUP || m->kind == MARK_SUB)
				buf_adds(b, m->kind == MARK_SUP ? "<sup>" : "<sub>");
			else if (m->kind == MARK_LINK) {
				buf_adds(b, "<a href=\"");
				escs(b, m->href);
				buf_printf(b, "\" class=\"bm-ac\" style=\"color:%s;"
				    "text-decoration:underline\">", link_color);
			} else {
				buf_adds(b, "<span style=\"font:inherit\" lang=\"");
				escs(b, m->lang ? m->lang : "");
				buf_adds(b, "\">");
			}
		}
		if (i < r->len)
			esc(b, r->text + i, 1);
	}
}

/* The <head>: language, title, viewport, colour schemes, and the few
 * rules a style sheet must carry (dark mode, the phone width). */
static void
head(struct html *h)
{
	const struct mail_view *v = h->v;
	struct buf *b = h->b;
	char c[8];

	buf_adds(b, "<!DOCTYPE html>\n<html lang=\"");
	escs(b, v->lang);
	buf_adds(b, "\" dir=\"ltr\" style=\"color-scheme:light dark;"
	    "supported-color-schemes:light dark\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<meta name=\"x-apple-disable-message-reformatting\">\n"
	    "<meta name=\"format-detection\" content=\"telephone=no, date=no, "
	    "address=no, email=no\">\n"
	    "<meta name=\"color-scheme\" content=\"light dark\">\n"
	    "<meta name=\"supported-color-schemes\" content=\"light dark\">\n<title>");
	escs(b, v->subject);
	buf_adds(b, "</title>\n<style>\n:root{color-scheme:light dark;"
	    "supported-color-schemes:light dark}\n"
	    "@media only screen and (max-width:620px){\n"
	    ".bm-outer{padding:0!important}\n"
	    ".bm-pad{padding-left:20px!important;padding-right:20px!important}\n"
	    ".bm-h1{font-size:27px!important}\n.bm-h2{font-size:20px!important}\n}\n");
	for (int dark = 0; dark < 2; dark++) {
		const char *pre = dark ? "[data-ogsc] " : "";

		buf_adds(b, dark ? "" : "@media (prefers-color-scheme:dark){\n");
		buf_printf(b, "%s.bm-bg{background-color:%s!important}\n", pre, DARK_BG);
		buf_printf(b, "%s.bm-card{background-color:%s!important}\n", pre, DARK_CARD);
		buf_printf(b, "%s.bm-tx{color:%s!important}\n", pre, DARK_TEXT);
		buf_printf(b, "%s.bm-mu{color:%s!important}\n", pre, DARK_MUTED);
		buf_printf(b, "%s.bm-rl{border-color:%s!important}\n", pre, DARK_RULE);
		buf_printf(b, "%s.bm-ac{color:%s!important}\n", pre, hex(v->accent, .45, c));
		for (size_t i = 0; i < v->nstories; i++)
			buf_printf(b, "%s.bm-c%zu{color:%s!important}\n", pre, i,
			    hex(v->stories[i].color, .45, c));
		buf_adds(b, dark ? "" : "}\n");
	}
	buf_adds(b, "</style>\n</head>\n");
}

/* Masthead: who sends it, the title, edition, date and audience. */
static void
masthead(struct html *h)
{
	const struct mail_view *v = h->v;
	const struct briefing *bf = v->b;
	const struct date *dt = bf->is_edition ? &bf->date : &bf->stories[0].date;
	struct buf *b = h->b;
	char c[8], date[32];
	int sep = 0;

	buf_printf(b, "<tr><td class=\"bm-pad\" style=\"padding:30px 40px 22px 40px;"
	    "border-top:5px solid %s\">\n", hex(v->accent, 0, c));
	buf_printf(b, "<p class=\"bm-ac\" style=\"margin:0 0 10px 0;font-family:%s;"
	    "font-size:12px;line-height:16px;font-weight:bold;letter-spacing:1.5px;"
	    "text-transform:uppercase;color:%s\">", h->sans, hex(v->accent, 0, c));
	escs(b, bf->author ? bf->author : bf->is_edition ? "Briefing" :
	    bf->stories[0].category ? bf->stories[0].category : "Briefing");
	buf_printf(b, "</p>\n<h1 class=\"bm-h1 %s\" style=\"margin:0;font-family:%s;"
	    "font-size:34px;line-height:1.15;font-weight:bold;color:%s\">",
	    v->mast_color == v->accent ? "bm-ac" : "bm-tx", v->mast_sans ? h->sans :
	    h->serif, hex(v->mast_color, 0, c));
	escs(b, bf->is_edition ? bf->title : bf->stories[0].title.text);
	buf_printf(b, "</h1>\n<p class=\"bm-mu\" style=\"margin:10px 0 0 0;font-family:%s;"
	    "font-size:14px;line-height:20px;color:%s\">", h->sans, hex(v->muted, 0, c));
	if (bf->is_edition && bf->edition) {
		escs(b, bf->edition);
		sep = 1;
	}
	if (dt->prec) {
		buf_adds(b, sep ? " &middot; " : "");
		escs(b, date_format_long(dt, date));
		sep = 1;
	}
	if (bf->audience) {
		buf_adds(b, sep ? " &middot; " : "");
		buf_adds(b, "for ");
		escs(b, bf->audience);
	}
	buf_adds(b, "</p>\n</td></tr>\n");
}

/* "Dear NAME," for a personal copy (--personalize). */
static void
greeting(struct html *h)
{
	const struct mail_view *v = h->v;
	struct buf *b = h->b;
	char c[8];

	if (v->greeting == NULL)
		return;
	buf_printf(b, "<tr><td class=\"bm-pad\" style=\"padding:0 40px 20px 40px\">\n"
	    "<p class=\"bm-tx\" style=\"margin:0 0 8px 0;font-family:%s;font-size:16px;"
	    "line-height:24px;color:%s\">Dear ", v->body_sans ? h->sans : h->serif,
	    hex(v->text, 0, c));
	escs(b, v->greeting);
	buf_printf(b, ",</p>\n<p class=\"bm-tx\" style=\"margin:0;font-family:%s;"
	    "font-size:16px;line-height:24px;color:%s\">The briefing is below in "
	    "short, and attached in full.</p>\n</td></tr>\n", v->body_sans ? h->sans :
	    h->serif, c);
}

/* "In this edition": each story's category and headline, linked to its
 * place below, so that the first screen of a phone shows them all. */
static void
contents(struct html *h)
{
	const struct mail_view *v = h->v;
	struct buf *b = h->b;
	char c[8], c2[8];

	if (!v->b->is_edition || v->nstories < 2)
		return;
	buf_printf(b, "<tr><td class=\"bm-pad bm-rl\" style=\"padding:18px 40px 10px 40px;"
	    "border-top:1px solid %s\">\n<p class=\"bm-mu\" style=\"margin:0 0 10px 0;"
	    "font-family:%s;font-size:12px;line-height:16px;font-weight:bold;"
	    "letter-spacing:1.5px;text-transform:uppercase;color:%s\">In this edition</p>\n",
	    hex(v->rule, 0, c), h->sans, hex(v->muted, 0, c2));
	for (size_t i = 0; i < v->nstories; i++) {
		const struct story *st = v->stories[i].st;

		buf_printf(b, "<p style=\"margin:0 0 10px 0;font-family:%s;font-size:15px;"
		    "line-height:21px\"><a href=\"#story-%zu\" class=\"bm-tx\" style=\""
		    "color:%s;text-decoration:none\">", h->sans, i + 1, hex(v->text, 0, c));
		if (st->category) {
			buf_printf(b, "<span class=\"bm-c%zu\" style=\"font-size:12px;"
			    "font-weight:bold;letter-spacing:1px;text-transform:uppercase;"
			    "color:%s\">", i, hex(v->stories[i].color, 0, c));
			escs(b, st->category);
			buf_adds(b, "</span>&nbsp; ");
		}
		escs(b, st->title.text);
		buf_adds(b, "</a></p>\n");
	}
	buf_adds(b, "</td></tr>\n");
}

/* Points as a table of numbers and texts (lists render unevenly). */
static void
points(struct html *h, const struct mail_story *ms, size_t idx)
{
	const struct mail_view *v = h->v;
	struct buf *b = h->b;
	char c[8], lc[8];

	buf_adds(b, "<table role=\"presentation\" width=\"100%\" cellspacing=\"0\" "
	    "cellpadding=\"0\" border=\"0\" style=\"width:100%;border-collapse:collapse\">\n");
	hex(v->accent, 0, lc);
	for (size_t k = 0; k < ms->st->npoints; k++) {
		buf_printf(b, "<tr><td class=\"bm-c%zu\" width=\"30\" valign=\"top\" "
		    "style=\"width:30px;padding:0 0 12px 0;vertical-align:top;"
		    "font-family:%s;font-size:18px;line-height:24px;font-weight:bold;"
		    "color:%s\">%zu</td>", idx, h->sans, hex(ms->color, 0, c), k + 1);
		buf_printf(b, "<td class=\"bm-tx\" valign=\"top\" style=\"padding:0 0 12px 0;"
		    "vertical-align:top;font-family:%s;font-size:16px;line-height:24px;"
		    "color:%s\">", v->body_sans ? h->sans : h->serif, hex(v->text, 0, c));
		rich(h, &ms->st->points[k], lc);
		buf_adds(b, "</td></tr>\n");
	}
	buf_adds(b, "</table>\n");
}

/* The chart picture, when there is one, and its caption: at its own
 * size, never wider than the column. */
static void
chart(struct html *h)
{
	const struct mail_view *v = h->v;
	struct buf *b = h->b;
	char c[8], c2[8];

	if (v->chart_cid == NULL)
		return;
	buf_printf(b, "<div style=\"margin:8px 0 18px 0\">"
	    "<img src=\"cid:%s\" width=\"%d\" height=\"%d\" alt=\"", v->chart_cid,
	    v->chart_w, v->chart_h);
	buf_adds(b, "Chart: ");
	escs(b, v->chart_title ? v->chart_title : "");
	buf_printf(b, "\" style=\"display:block;width:100%%;max-width:%dpx;height:auto;"
	    "border:0;outline:none;text-decoration:none;background-color:#ffffff;"
	    "font-family:%s;font-size:14px;color:%s\">\n", v->chart_w, h->sans,
	    hex(v->muted, 0, c));
	if (v->chart_caption && v->chart_caption->text) {
		buf_printf(b, "<p class=\"bm-mu\" style=\"margin:8px 0 0 0;font-family:%s;"
		    "font-size:14px;line-height:20px;color:%s\">", h->sans, c);
		rich(h, v->chart_caption, hex(v->accent, 0, c2));
		buf_adds(b, "</p>\n");
	}
	buf_adds(b, "</div>\n");
}

/* A story's category tag in its colour, and its date. */
static void
story_meta(struct html *h, const struct mail_story *ms)
{
	const struct mail_view *v = h->v;
	const struct story *st = ms->st;
	struct buf *b = h->b;
	char c[8], date[32];

	buf_printf(b, "<p class=\"bm-mu\" style=\"margin:0 0 12px 0;font-family:%s;"
	    "font-size:13px;line-height:18px;color:%s\">", h->sans, hex(v->muted, 0, c));
	if (st->category) {
		buf_printf(b, "<span style=\"display:inline-block;padding:3px 7px;"
		    "margin:0 8px 0 0;background-color:%s;color:#ffffff;font-family:%s;"
		    "font-size:11px;line-height:14px;font-weight:bold;letter-spacing:1.2px;"
		    "text-transform:uppercase;border-radius:2px\">", hex(ms->color, 0, c),
		    h->sans);
		escs(b, st->category);
		buf_adds(b, "</span>");
	}
	if (st->date.prec)
		escs(b, date_format_long(&st->date, date));
	buf_adds(b, "</p>\n");
}

/* One story: category tag and date, headline, points, the chart when it
 * is this story's, the way into the PDF.  A lone story's tag, date and
 * headline are the masthead's. */
static void
story(struct html *h, size_t idx)
{
	const struct mail_view *v = h->v;
	const struct mail_story *ms = &v->stories[idx];
	const struct story *st = ms->st;
	struct buf *b = h->b;
	char c[8];

	buf_printf(b, "<tr><td id=\"story-%zu\" class=\"bm-pad bm-rl\" style=\"padding:26px "
	    "40px 14px 40px;border-top:1px solid %s\">\n", idx + 1, hex(v->rule, 0, c));
	if (v->b->is_edition) {
		story_meta(h, ms);
		buf_printf(b, "<h2 class=\"bm-h2 bm-tx\" style=\"margin:0 0 16px 0;"
		    "font-family:%s;font-size:22px;line-height:1.3;font-weight:bold;"
		    "color:%s\">", v->head_sans ? h->sans : h->serif, hex(v->text, 0, c));
		escs(b, st->title.text);
		buf_adds(b, "</h2>\n");
	}
	points(h, ms, idx);
	if (idx == v->chart_story)
		chart(h);
	buf_printf(b, "<p class=\"bm-mu\" style=\"margin:4px 0 12px 0;font-family:%s;"
	    "font-size:14px;line-height:20px;color:%s\">", h->sans, hex(v->muted, 0, c));
	if (v->pdfcid && ms->page)
		buf_printf(b, "<a href=\"cid:%s#page=%d\" class=\"bm-ac\" style=\"color:%s;"
		    "font-weight:bold;text-decoration:none\">Read the full story "
		    "&rarr;</a>", v->pdfcid, ms->page, hex(v->accent, 0, c));
	else
		buf_printf(b, "<span class=\"bm-ac\" style=\"color:%s;font-weight:bold\">"
		    "Read the full story</span>", hex(v->accent, 0, c));
	if (ms->page) {
		buf_adds(b, " &nbsp;page ");
		escs(b, ms->label ? ms->label : "");
		if (!ms->label)
			buf_printf(b, "%d", ms->page);
		buf_adds(b, " of the PDF");
	} else
		buf_adds(b, " in the PDF");
	buf_adds(b, "</p>\n</td></tr>\n");
}

/* Footer: the attachment, its pages and size, and who sends it. */
static void
footer(struct html *h)
{
	const struct mail_view *v = h->v;
	const struct briefing *bf = v->b;
	struct buf *b = h->b;
	char c[8], c2[8], size[16];

	buf_printf(b, "<tr><td class=\"bm-pad bm-rl bm-bg\" style=\"padding:22px 40px 28px "
	    "40px;border-top:1px solid %s;background-color:%s\">\n", hex(v->rule, 0, c),
	    hex(v->tint, 0, c2));
	buf_printf(b, "<p class=\"bm-tx\" style=\"margin:0 0 6px 0;font-family:%s;"
	    "font-size:14px;line-height:20px;color:%s\">Attached: <strong "
	    "style=\"font-weight:bold\">", h->sans, hex(v->text, 0, c));
	escs(b, v->pdfname);
	buf_printf(b, "</strong> &middot; %zu %s &middot; %s</p>\n", v->npages,
	    v->npages == 1 ? "page" : "pages", mail_size(v->pdflen, size));
	buf_printf(b, "<p class=\"bm-mu\" style=\"margin:0;font-family:%s;font-size:14px;"
	    "line-height:20px;color:%s\">The PDF holds every story in full.",
	    h->sans, hex(v->muted, 0, c));
	if (bf->author) {
		buf_adds(b, " Sent by ");
		escs(b, bf->author);
		if (bf->audience) {
			buf_adds(b, " for ");
			escs(b, bf->audience);
		}
		buf_adds(b, ".");
	}
	buf_adds(b, "</p>\n</td></tr>\n");
}

/* The preheader: the first point, hidden, that inboxes show after the
 * subject; padded so that clients do not pull in the text after it. */
static void
preheader(struct html *h)
{
	const struct mail_view *v = h->v;
	struct buf *b = h->b;
	char c[8];

	if (v->nstories == 0 || v->stories[0].st->npoints == 0)
		return;
	buf_printf(b, "<div class=\"bm-pre\" style=\"display:none;font-size:1px;"
	    "line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;"
	    "mso-hide:all;color:%s\">", hex(v->tint, 0, c));
	escs(b, v->stories[0].st->points[0].text);
	for (int i = 0; i < 40; i++)
		buf_adds(b, "&#847;&zwnj;&nbsp;");
	buf_adds(b, "</div>\n");
}

/* The HTML body; see mail.h. */
char *
mail_html(const struct mail_view *v)
{
	struct buf b;
	struct html h = { &b, v, "", "" };
	char c[8], c2[8];

	stack(h.serif, sizeof(h.serif), v->serif, 0);
	stack(h.sans, sizeof(h.sans), v->sans, 1);
	buf_init(&b);
	head(&h);
	buf_printf(&b, "<body class=\"bm-bg\" style=\"margin:0;padding:0;width:100%%;"
	    "background-color:%s;-webkit-text-size-adjust:100%%;"
	    "-ms-text-size-adjust:100%%\">\n", hex(v->tint, 0, c));
	preheader(&h);
	buf_printf(&b, "<table role=\"presentation\" class=\"bm-bg\" width=\"100%%\" "
	    "cellspacing=\"0\" cellpadding=\"0\" border=\"0\" style=\"width:100%%;"
	    "border-collapse:collapse;background-color:%s\">\n<tr><td class=\"bm-outer\" "
	    "align=\"center\" style=\"padding:28px 12px\">\n", c);
	/* Outlook for Windows knows no max-width: a fixed table for it alone. */
	buf_adds(&b, "<!--[if mso]><table role=\"presentation\" width=\"600\" "
	    "cellspacing=\"0\" cellpadding=\"0\" border=\"0\" align=\"center\"><tr>"
	    "<td><![endif]-->\n");
	buf_printf(&b, "<table role=\"presentation\" class=\"bm-card\" width=\"600\" "
	    "cellspacing=\"0\" cellpadding=\"0\" border=\"0\" style=\"width:100%%;"
	    "max-width:600px;margin:0 auto;border-collapse:collapse;"
	    "background-color:%s\">\n", hex(v->paper, 0, c2));
	masthead(&h);
	greeting(&h);
	contents(&h);
	for (size_t i = 0; i < v->nstories; i++) {
		story(&h, i);
	}
	footer(&h);
	buf_adds(&b, "</table>\n<!--[if mso]></td></tr></table><![endif]-->\n"
	    "</td></tr>\n</table>\n</body>\n</html>\n");
	return buf_steal(&b);
}
