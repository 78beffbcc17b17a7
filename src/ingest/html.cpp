#include "ingest/html.h"

#include <gumbo.h>

#include <cstring>

namespace mekong::ingest {

namespace {

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_LI: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_HR:
    case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_MAIN: case GUMBO_TAG_TITLE: case GUMBO_TAG_FORM:
      return true;
    default:
      return false;
  }
}

bool is_skipped(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
         tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_IFRAME ||
         tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_SELECT || tag == GUMBO_TAG_BUTTON;
}

const char* attr(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a ? a->value : nullptr;
}

struct Builder {
  HtmlText out;
  std::string line;
  size_t link_bytes = 0;
  bool space_pending = false;

  void flush() {
    // Trim and collapse; keep only lines with text.
    size_t b = 0, e = line.size();
    while (b < e && line[b] == ' ') ++b;
    while (e > b && line[e - 1] == ' ') --e;
    if (e > b) {
      if (!out.text.empty()) out.text.push_back('\n');
      out.text.append(line, b, e - b);
      out.link_density.push_back(static_cast<float>(std::min(link_bytes, e - b)) / static_cast<float>(e - b));
    }
    line.clear();
    link_bytes = 0;
    space_pending = false;
  }

  void text(const char* s, bool in_link) {
    for (const char* p = s; *p; ++p) {
      const char c = *p;
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        space_pending = true;
        continue;
      }
      if (space_pending && !line.empty()) {
        line.push_back(' ');
        if (in_link) ++link_bytes;
      }
      space_pending = false;
      line.push_back(c);
      if (in_link) ++link_bytes;
    }
  }

  void walk(const GumboNode* node, bool in_link) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      text(node->v.text.text, in_link);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return;
    const GumboElement& el = node->v.element;
    if (is_skipped(el.tag)) return;
    const bool block = is_block(el.tag);
    if (block) flush();
    const bool link = in_link || el.tag == GUMBO_TAG_A;
    for (unsigned i = 0; i < el.children.length; ++i)
      walk(static_cast<const GumboNode*>(el.children.data[i]), link);
    if (block) flush();
  }

  void head(const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& el = node->v.element;
    if (el.tag == GUMBO_TAG_TITLE && el.children.length > 0 && out.meta.title.empty()) {
      const auto* t = static_cast<const GumboNode*>(el.children.data[0]);
      if (t->type == GUMBO_NODE_TEXT) out.meta.title = t->v.text.text;
    } else if (el.tag == GUMBO_TAG_META) {
      const char* key = attr(el, "property");
      if (!key) key = attr(el, "name");
      if (!key) key = attr(el, "itemprop");
      const char* content = attr(el, "content");
      if (key && content) {
        if (!std::strcmp(key, "og:title")) out.meta.title = content;
        else if ((!std::strcmp(key, "article:published_time") || !std::strcmp(key, "datePublished") ||
                  !std::strcmp(key, "pubdate") || !std::strcmp(key, "publishdate") ||
                  !std::strcmp(key, "dc.date.issued") || !std::strcmp(key, "date")) &&
                 out.meta.published.empty())
          out.meta.published = content;
        else if (!std::strcmp(key, "og:url") && out.meta.url.empty())
          out.meta.url = content;
      }
    } else if (el.tag == GUMBO_TAG_LINK) {
      const char* rel = attr(el, "rel");
      const char* href = attr(el, "href");
      if (rel && href && !std::strcmp(rel, "canonical")) out.meta.url = href;
    }
    for (unsigned i = 0; i < el.children.length; ++i) head(static_cast<const GumboNode*>(el.children.data[i]));
  }
};

}  // namespace

HtmlText html_to_text(std::string_view html) {
  GumboOutput* g = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  Builder b;
  b.head(g->root);
  b.walk(g->root, false);
  b.flush();
  gumbo_destroy_output(&kGumboDefaultOptions, g);
  return std::move(b.out);
}

}  // namespace mekong::ingest
