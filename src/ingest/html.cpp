#include "ingest/html.h"

#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/charset.h"

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
    case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_DL: case GUMBO_TAG_MAIN: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_FORM: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_LEGEND: case GUMBO_TAG_CENTER:
    case GUMBO_TAG_MENU: case GUMBO_TAG_HGROUP: case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

bool is_skipped(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
         tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_IFRAME ||
         tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_SELECT || tag == GUMBO_TAG_BUTTON ||
         tag == GUMBO_TAG_OBJECT || tag == GUMBO_TAG_EMBED || tag == GUMBO_TAG_MATH ||
         tag == GUMBO_TAG_CANVAS || tag == GUMBO_TAG_AUDIO || tag == GUMBO_TAG_VIDEO;
}

const char* attr(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a ? a->value : nullptr;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

// Elements the page hides from readers (hidden attribute, inline display:none).
bool is_hidden(const GumboElement& el) {
  if (gumbo_get_attribute(&el.attributes, "hidden")) return true;
  const char* style = attr(el, "style");
  if (!style) return false;
  std::string s;
  for (const char* p = style; *p; ++p)
    if (*p != ' ' && *p != '\t') s.push_back(lower(*p));
  return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

// Meta names that carry the publication time, strongest first (the
// Open Graph / schema.org / Dublin Core vocabularies, not site words).
int published_rank(std::string_view key) {
  static constexpr std::string_view kKeys[] = {
      "article:published_time", "og:article:published_time", "article:published", "datepublished",
      "dcterms.issued",         "dc.date.issued",            "dcterms.created",   "pubdate",
      "publishdate",            "publish-date",              "publish_date",      "parsely-pub-date",
      "sailthru.date",          "dc.date",                   "date",
  };
  for (size_t i = 0; i < std::size(kKeys); ++i)
    if (iequals(key, kKeys[i])) return static_cast<int>(i);
  return -1;
}

std::string collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// "datePublished": "2024-01-05T07:55:00+07:00" found by text search, for
// JSON-LD that does not parse (trailing commas, raw newlines in strings).
std::string json_ld_date_text(std::string_view json) {
  const size_t k = json.find("\"datePublished\"");
  if (k == std::string_view::npos) return {};
  size_t i = k + std::strlen("\"datePublished\"");
  while (i < json.size() && (json[i] == ' ' || json[i] == ':' || json[i] == '\n' || json[i] == '\t' || json[i] == '\r'))
    ++i;
  if (i >= json.size() || json[i] != '"') return {};
  const size_t e = json.find('"', i + 1);
  if (e == std::string_view::npos || e - i > 64) return {};
  return std::string(json.substr(i + 1, e - i - 1));
}

// An object of an article type: NewsArticle, Article, BlogPosting, ReportageNewsArticle, ...
bool is_article_type(const nlohmann::json& type) {
  auto one = [](const nlohmann::json& t) {
    if (!t.is_string()) return false;
    const std::string& s = t.get_ref<const std::string&>();
    return s.find("Article") != std::string::npos || s.find("BlogPosting") != std::string::npos;
  };
  if (type.is_array()) {
    for (const auto& t : type)
      if (one(t)) return true;
    return false;
  }
  return one(type);
}

// datePublished of the JSON-LD's article: the shallowest article-typed
// object that has one, else the shallowest object that has one (a video
// or an image embedded in the article has its own, older, date).
std::string json_ld_date(std::string_view text) {
  nlohmann::json root = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return json_ld_date_text(text);
  std::string best_article, best_any;
  size_t depth_article = SIZE_MAX, depth_any = SIZE_MAX;
  std::vector<std::pair<const nlohmann::json*, size_t>> todo{{&root, 0}};
  while (!todo.empty()) {
    auto [node, depth] = todo.back();
    todo.pop_back();
    if (depth > 16) continue;
    if (node->is_array()) {
      for (const auto& child : *node) todo.emplace_back(&child, depth + 1);
      continue;
    }
    if (!node->is_object()) continue;
    auto it = node->find("datePublished");
    if (it != node->end() && it->is_string() && !it->get_ref<const std::string&>().empty()) {
      auto type = node->find("@type");
      if (type != node->end() && is_article_type(*type) && depth < depth_article) {
        best_article = it->get<std::string>();
        depth_article = depth;
      }
      if (depth < depth_any) {
        best_any = it->get<std::string>();
        depth_any = depth;
      }
    }
    for (const auto& item : node->items())
      if (item.value().is_structured()) todo.emplace_back(&item.value(), depth + 1);
  }
  return !best_article.empty() ? best_article : best_any;
}

struct Builder {
  HtmlText out;
  std::string line;
  size_t link_bytes = 0;
  bool space_pending = false;
  bool space_in_link = false;  // the pending space was inside a link
  int best_rank = 1 << 20;  // rank of the meta that set out.meta.published
  bool og_title = false;

  void flush() {
    // Keep only lines with text (spaces are collapsed on the way in).
    size_t e = line.size();
    while (e > 0 && line[e - 1] == ' ') --e;
    if (e > 0) {
      if (!out.text.empty()) out.text.push_back('\n');
      out.text.append(line, 0, e);
      out.link_density.push_back(static_cast<float>(std::min(link_bytes, e)) / static_cast<float>(e));
    }
    line.clear();
    link_bytes = 0;
    space_pending = false;
  }

  void text(const char* s, bool in_link, bool pre) {
    for (const char* p = s; *p; ++p) {
      const char c = *p;
      if (c == '\n' && pre) {
        flush();
        continue;
      }
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        space_pending = true;
        space_in_link = in_link;
        continue;
      }
      // NBSP is a space; zero-width space / joiner, BOM and soft hyphen are nothing.
      if (c == '\xC2' && p[1] == '\xA0') {
        ++p;
        space_pending = true;
        space_in_link = in_link;
        continue;
      }
      if (c == '\xC2' && p[1] == '\xAD') {
        ++p;
        continue;
      }
      if (c == '\xE2' && p[1] == '\x80' && (p[2] == '\x8B' || p[2] == '\x8C' || p[2] == '\x8D')) {
        p += 2;
        continue;
      }
      if (c == '\xEF' && p[1] == '\xBB' && p[2] == '\xBF') {
        p += 2;
        continue;
      }
      if (space_pending && !line.empty()) {
        line.push_back(' ');
        if (in_link && space_in_link) ++link_bytes;  // not the space before a link
      }
      space_pending = false;
      line.push_back(c);
      if (in_link) ++link_bytes;
    }
  }

  // Iterative, with an explicit stack: a page of 60,000 nested tags must not
  // overflow the call stack.
  void walk(const GumboNode* root) {
    struct Frame {
      const GumboNode* node;
      bool link, pre, block;
      unsigned next;  // the next child to visit
    };
    std::vector<Frame> stack;
    auto enter = [&](const GumboNode* node, bool in_link, bool pre) {
      if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
        text(node->v.text.text, in_link, pre);
        return;
      }
      if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return;
      const GumboElement& el = node->v.element;
      if (is_skipped(el.tag) || is_hidden(el)) return;
      const bool block = is_block(el.tag);
      if (block) flush();
      stack.push_back({node, in_link || el.tag == GUMBO_TAG_A,
                       pre || el.tag == GUMBO_TAG_PRE || el.tag == GUMBO_TAG_TEXTAREA, block, 0});
    };
    enter(root, false, false);
    while (!stack.empty()) {
      Frame& f = stack.back();
      const GumboElement& el = f.node->v.element;
      if (f.next < el.children.length) {
        const auto* child = static_cast<const GumboNode*>(el.children.data[f.next++]);
        enter(child, f.link, f.pre);  // may grow the stack: `f` is not used after this
        continue;
      }
      if (el.tag == GUMBO_TAG_TIME) {
        // Its text is on the line being built, which gets the next index.
        if (const char* datetime = attr(el, "datetime"); datetime && *datetime)
          out.times.emplace_back(static_cast<uint32_t>(out.link_density.size()), collapse(datetime));
      }
      const bool block = f.block;
      stack.pop_back();
      if (block) flush();
    }
  }

  void set_published(int rank, std::string value) {
    value = collapse(value);
    if (rank < 0 || value.empty() || rank >= best_rank) return;
    out.meta.published = std::move(value);
    best_rank = rank;
  }

  void meta(const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& el = node->v.element;
    if (el.tag == GUMBO_TAG_TITLE && el.children.length > 0 && out.meta.title.empty() && !og_title) {
      const auto* t = static_cast<const GumboNode*>(el.children.data[0]);
      if (t->type == GUMBO_NODE_TEXT) out.meta.title = collapse(t->v.text.text);
    } else if (el.tag == GUMBO_TAG_META) {
      const char* key = attr(el, "property");
      if (!key) key = attr(el, "name");
      if (!key) key = attr(el, "itemprop");
      const char* content = attr(el, "content");
      if (key && content) {
        if (iequals(key, "og:title") && !og_title && *content) {
          out.meta.title = collapse(content);
          og_title = true;
        } else if ((iequals(key, "og:url")) && out.meta.url.empty()) {
          out.meta.url = content;
        } else {
          set_published(published_rank(key), content);
        }
      }
    } else if (el.tag == GUMBO_TAG_LINK) {
      const char* rel = attr(el, "rel");
      const char* href = attr(el, "href");
      if (rel && href && iequals(rel, "canonical")) out.meta.url = href;
    } else if (el.tag == GUMBO_TAG_SCRIPT) {
      const char* type = attr(el, "type");
      if (type && iequals(type, "application/ld+json") && el.children.length > 0) {
        const auto* t = static_cast<const GumboNode*>(el.children.data[0]);
        if (t->type == GUMBO_NODE_TEXT) set_published(published_rank("datePublished"), json_ld_date(t->v.text.text));
      }
      return;
    } else if (el.tag == GUMBO_TAG_TIME) {
      // <time itemprop="datePublished" datetime="..."> or the old <time pubdate>
      const char* datetime = attr(el, "datetime");
      const char* itemprop = attr(el, "itemprop");
      if (datetime && ((itemprop && iequals(itemprop, "datePublished")) || gumbo_get_attribute(&el.attributes, "pubdate")))
        set_published(published_rank("datePublished"), datetime);
    }
  }

  // Every node's metadata, in document order, without recursion.
  void meta_all(const GumboNode* root) {
    std::vector<std::pair<const GumboNode*, unsigned>> stack{{root, 0}};
    meta(root);
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      if (node->type != GUMBO_NODE_ELEMENT || next >= node->v.element.children.length) {
        stack.pop_back();
        continue;
      }
      const auto* child = static_cast<const GumboNode*>(node->v.element.children.data[next++]);
      meta(child);
      if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag != GUMBO_TAG_SCRIPT) stack.emplace_back(child, 0);
    }
  }
};

}  // namespace

HtmlText html_to_text(std::string_view html) {
  Builder b;
  // Parse errors are not used: recording them costs memory without bound on hostile pages.
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* g = gumbo_parse_with_options(&options, html.data(), html.size());
  b.meta_all(g->root);
  b.walk(g->root);
  b.flush();
  gumbo_destroy_output(&options, g);
  // gumbo leaves U+FFFD where bytes were invalid; only then is the input
  // worth counting (a full validation pass costs a few percent).
  if (b.out.text.find("\xEF\xBF\xBD") != std::string::npos) b.out.invalid_utf8_bytes = count_invalid_utf8(html);
  return std::move(b.out);
}

}  // namespace mekong::ingest
