#include "core/record_json.h"

namespace mekong {
namespace {

ordered_json opt(const std::optional<std::string>& s) {
  return s ? ordered_json(*s) : ordered_json(nullptr);
}

ordered_json span_json(const Span& s) { return ordered_json::array({s.begin, s.end}); }

ordered_json actor_json(const Actor& a) {
  ordered_json j;
  j["country"] = opt(a.country);
  j["person"] = opt(a.person);
  j["role"] = opt(a.role);
  return j;
}

ordered_json period_json(const std::optional<std::string>& start,
                         const std::optional<std::string>& end) {
  if (!start && !end) return nullptr;
  ordered_json j;
  j["start"] = opt(start);
  j["end"] = opt(end);
  return j;
}

}  // namespace

ordered_json to_json(const Event& e) {
  ordered_json j;
  j["date"] = {{"start", e.date.start}, {"end", e.date.end}, {"precision", e.date.precision}};
  j["cameo"] = e.cameo;
  j["actor1"] = actor_json(e.actor1);
  j["actor2"] = actor_json(e.actor2);
  if (e.mechanism) {
    ordered_json m;
    m["name"] = e.mechanism->name;
    m["session"] = e.mechanism->session ? ordered_json(*e.mechanism->session) : ordered_json(nullptr);
    j["mechanism"] = std::move(m);
  } else {
    j["mechanism"] = nullptr;
  }
  j["location"] = opt(e.location);
  j["status"] = e.status;
  j["line"] = e.line;
  j["span"] = span_json(e.span);
  if (!e.rule.empty()) j["rule"] = e.rule;
  return j;
}

ordered_json to_json(const Figure& f) {
  ordered_json j;
  j["indicator"] = f.indicator;
  j["value"] = f.value;
  j["unit"] = f.unit;
  j["measure"] = f.measure;
  j["approx"] = f.approx;
  j["period"] = period_json(f.period_start, f.period_end);
  j["from"] = opt(f.from);
  j["to"] = opt(f.to);
  if (!f.countries.empty()) j["countries"] = f.countries;
  j["line"] = f.line;
  j["span"] = span_json(f.span);
  if (!f.rule.empty()) j["rule"] = f.rule;
  return j;
}

ordered_json to_json(const Agreement& a) {
  ordered_json j;
  j["name"] = a.name;
  j["kind"] = a.kind;
  j["period"] = period_json(a.period_start, a.period_end);
  j["status"] = opt(a.status);
  if (!a.countries.empty()) j["countries"] = a.countries;
  j["line"] = a.line;
  j["span"] = span_json(a.span);
  return j;
}

ordered_json to_json(const Project& p) {
  ordered_json j;
  j["name"] = p.name;
  j["location"] = opt(p.location);
  j["status"] = opt(p.status);
  if (!p.countries.empty()) j["countries"] = p.countries;
  j["line"] = p.line;
  j["span"] = span_json(p.span);
  return j;
}

std::vector<std::pair<uint32_t, uint32_t>> content_ranges(const Document& doc) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (uint32_t i = 0; i < doc.is_content.size(); ++i) {
    if (!doc.is_content[i]) continue;
    const uint32_t n = i + 1;
    if (!out.empty() && out.back().second + 1 == n) {
      out.back().second = n;
    } else {
      out.emplace_back(n, n);
    }
  }
  return out;
}

ordered_json to_json(const Document& doc) {
  ordered_json j;
  j["doc_id"] = doc.id;
  if (doc.published) {
    j["published"] = {{"value", doc.published->value}, {"precision", doc.published->precision}};
  } else {
    j["published"] = nullptr;
  }
  if (doc.reference) {
    j["reference"] = {{"value", doc.reference->value},
                      {"precision", doc.reference->precision},
                      {"source", doc.reference->source}};
  } else {
    j["reference"] = nullptr;
  }
  if (doc.title_line && *doc.title_line >= 1 && *doc.title_line <= doc.lines.size()) {
    j["title"] = std::string(doc.line(*doc.title_line - 1));
  } else if (!doc.meta.title.empty()) {
    j["title"] = doc.meta.title;
  } else {
    j["title"] = nullptr;
  }
  ordered_json ranges = ordered_json::array();
  for (auto [a, b] : content_ranges(doc)) ranges.push_back({a, b});
  j["content_lines"] = std::move(ranges);
  auto list = [](const auto& items) {
    ordered_json arr = ordered_json::array();
    for (const auto& it : items) arr.push_back(to_json(it));
    return arr;
  };
  j["countries"] = doc.record.countries;
  j["events"] = list(doc.record.events);
  j["figures"] = list(doc.record.figures);
  j["agreements"] = list(doc.record.agreements);
  j["projects"] = list(doc.record.projects);
  ordered_json source;
  source["origin"] = doc.origin;
  source["url"] = doc.meta.url.empty() ? ordered_json(nullptr) : ordered_json(doc.meta.url);
  source["lines"] = doc.lines.size();
  if (doc.replaced_bytes) source["replaced_bytes"] = doc.replaced_bytes;
  j["source"] = std::move(source);
  return j;
}

}  // namespace mekong
