// JSON form of the record (../shared/spec/output.md) via nlohmann::json.
#pragma once

#include <nlohmann/json.hpp>

#include "core/document.h"

namespace mekong {

using ordered_json = nlohmann::ordered_json;

// The spec's record for a processed document; field order follows the spec.
ordered_json to_json(const Document& doc);
ordered_json to_json(const Event& e);
ordered_json to_json(const Figure& f);
ordered_json to_json(const Agreement& a);
ordered_json to_json(const Project& p);

// Inclusive 1-based [a, b] ranges of content lines.
std::vector<std::pair<uint32_t, uint32_t>> content_ranges(const Document& doc);

}  // namespace mekong
