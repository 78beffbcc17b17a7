#include "store/output.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

namespace mekong::store {

Format parse_format(const std::string& name) {
  if (name == "table") return Format::Table;
  if (name == "json") return Format::Json;
  if (name == "jsonl") return Format::Jsonl;
  if (name == "csv") return Format::Csv;
  throw std::invalid_argument("--format must be table, json, jsonl or csv, got '" + name + "'");
}

size_t display_width(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  size_t w = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      ++w;
      continue;
    }
    const int8_t cat = u_charType(c);
    if (cat == U_NON_SPACING_MARK || cat == U_ENCLOSING_MARK || cat == U_FORMAT_CHAR) continue;
    const int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    w += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return w;
}

std::string fit(std::string_view s, size_t width) {
  if (display_width(s) <= width) return std::string(s);
  if (width == 0) return {};
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  int32_t cut = 0;
  size_t w = 0;
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    const size_t cw = display_width(s.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    if (w + cw > width - 1) break;
    w += cw;
    cut = i;
  }
  return std::string(s.substr(0, static_cast<size_t>(cut))) + "…";
}

std::string field(const nlohmann::ordered_json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_float()) return number(it->get<double>());
  return it->dump();
}

std::string number(double v) {
  if (!std::isfinite(v)) return fmt::format("{}", v);
  const bool whole = std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15;
  std::string s = whole ? fmt::format("{:.0f}", v) : fmt::format("{:.6g}", v);
  if (!whole || s.find('e') != std::string::npos) return s;
  // Thousands grouped with spaces: unambiguous whether the reader writes
  // decimals with ',' (Vietnamese) or '.'.
  const bool neg = s[0] == '-';
  std::string digits = neg ? s.substr(1) : s;
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return neg ? "-" + out : out;
}

namespace {

std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

void write_items(std::ostream& out, const nlohmann::ordered_json& items, const std::vector<Column>& columns,
                 Format format) {
  constexpr auto kReplace = nlohmann::json::error_handler_t::replace;
  switch (format) {
    case Format::Json:
      out << items.dump(2, ' ', false, kReplace) << '\n';
      return;
    case Format::Jsonl:
      for (const auto& it : items) out << it.dump(-1, ' ', false, kReplace) << '\n';
      return;
    case Format::Csv:
      for (size_t c = 0; c < columns.size(); ++c) out << (c ? "," : "") << csv_cell(columns[c].header);
      out << '\n';
      for (const auto& it : items) {
        for (size_t c = 0; c < columns.size(); ++c) out << (c ? "," : "") << csv_cell(columns[c].get(it));
        out << '\n';
      }
      return;
    case Format::Table:
      break;
  }
  std::vector<std::vector<std::string>> cells;
  std::vector<size_t> width(columns.size());
  for (size_t c = 0; c < columns.size(); ++c) width[c] = display_width(columns[c].header);
  for (const auto& it : items) {
    std::vector<std::string> row;
    for (size_t c = 0; c < columns.size(); ++c) {
      std::string v = columns[c].get(it);
      for (char& ch : v)
        if (ch == '\n' || ch == '\t' || ch == '\r') ch = ' ';
      if (columns[c].max_width) v = fit(v, columns[c].max_width);
      width[c] = std::max(width[c], display_width(v));
      row.push_back(std::move(v));
    }
    cells.push_back(std::move(row));
  }
  auto line = [&](const std::vector<std::string>& row) {
    std::string s;
    for (size_t c = 0; c < row.size(); ++c) {
      const std::string pad(width[c] - display_width(row[c]), ' ');
      if (c) s += "  ";
      s += columns[c].right ? pad + row[c] : row[c] + (c + 1 < row.size() ? pad : std::string());
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    out << s << '\n';
  };
  std::vector<std::string> header;
  for (const auto& c : columns) header.push_back(c.header);
  line(header);
  std::vector<std::string> rule;
  for (size_t c = 0; c < columns.size(); ++c) rule.push_back(std::string(width[c], '-'));
  line(rule);
  for (const auto& row : cells) line(row);
}

}  // namespace mekong::store
