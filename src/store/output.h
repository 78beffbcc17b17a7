// Query results for people and for programs: an aligned table (default),
// JSON, JSON Lines or CSV. The query commands (src/app/cmd_*.cpp) share it.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace mekong::store {

enum class Format { Table, Json, Jsonl, Csv };

// 'table' | 'json' | 'jsonl' | 'csv'; throws std::invalid_argument otherwise.
Format parse_format(const std::string& name);

struct Column {
  std::string header;
  std::function<std::string(const nlohmann::ordered_json&)> get;
  bool right = false;    // numbers align right
  size_t max_width = 0;  // longer cells are cut with '…' in tables (0 = never)
};

// Table and CSV show `columns`; JSON and JSON Lines write the items whole.
void write_items(std::ostream& out, const nlohmann::ordered_json& items, const std::vector<Column>& columns,
                 Format format);

// Columns a terminal uses for a UTF-8 string: combining marks take none,
// wide (East Asian) characters two.
size_t display_width(std::string_view utf8);
// Cut to at most `width` columns, ending with '…' when cut.
std::string fit(std::string_view utf8, size_t width);

// Cell helpers: a string field or '', a number without useless decimals,
// with thousands grouped ('1 600 000 000').
std::string field(const nlohmann::ordered_json& j, const char* key);
std::string number(double v);

}  // namespace mekong::store
