// The extraction record of ../shared/spec/output.md, as C++ values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mekong {

struct Published {
  std::string value;      // ISO 8601 local time cut to precision
  std::string precision;  // minute | day | month | year
};

struct DateRange {
  std::string start;      // ISO date cut to precision
  std::string end;
  std::string precision;  // day | month | year
};

struct Actor {
  std::optional<std::string> country;  // ISO 3166-1 alpha-3
  std::optional<std::string> person;   // canonical name
  std::optional<std::string> role;     // office at that date, Vietnamese
};

struct Mechanism {
  std::string name;
  std::optional<int> session;
};

// Where in the line an item was stated: byte offsets within the line.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct Event {
  DateRange date;
  std::string cameo;
  Actor actor1, actor2;
  std::optional<Mechanism> mechanism;
  std::optional<std::string> location;
  std::string status;  // occurred | planned
  uint32_t line = 0;
  Span span;
  std::string rule;    // which rule made it (for explain)
};

struct Figure {
  std::string indicator;
  double value = 0;
  std::string unit;     // USD VND LAK count percent ...
  std::string measure;  // level | change
  std::string approx;   // exact | about | over | under
  std::optional<std::string> period_start, period_end;
  std::optional<std::string> from, to;
  std::vector<std::string> countries;  // the pair the figure is about
  uint32_t line = 0;
  Span span;
  std::string rule;
};

struct Agreement {
  std::string name;
  std::string kind;
  std::optional<std::string> period_start, period_end;
  std::vector<std::string> countries;  // the pair whose document it is
  // Where the document stands in this article: planned | signed | in_force | implementing | completed.
  std::optional<std::string> status;
  uint32_t line = 0;
  Span span;
};

struct Project {
  std::string name;
  std::optional<std::string> location;
  std::optional<std::string> status;
  std::vector<std::string> countries;  // the pair whose cooperation it is
  uint32_t line = 0;
  Span span;
};

struct Record {
  // The pair of countries the article is about (its most named), when it has one.
  std::vector<std::string> countries;
  std::vector<Event> events;
  std::vector<Figure> figures;
  std::vector<Agreement> agreements;
  std::vector<Project> projects;
};

}  // namespace mekong
