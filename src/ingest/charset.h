// Byte-level checks on a page before it reaches normalize: is it UTF-8, is
// it binary, which charset does it declare, and conversion to UTF-8 (ICU)
// for pages that are not UTF-8 and say what they are.
#pragma once

#include <string>
#include <string_view>

namespace mekong::ingest {

// Number of bytes that are not part of a well-formed UTF-8 sequence.
size_t count_invalid_utf8(std::string_view bytes);

// Why `head` (the first KiB of a document) is binary data rather than text,
// or nullptr when it looks like text. UTF-16 with a byte order mark is text.
const char* binary_reason(std::string_view head);

// The charset named by a Content-Type value ('text/html; charset=windows-1258'),
// lower-cased; empty when none.
std::string charset_of_content_type(std::string_view content_type);

// The charset an HTML page declares in its first bytes (<meta charset=...>
// or <meta http-equiv=Content-Type content="...; charset=...">); empty when none.
std::string charset_of_html(std::string_view head);

// True for the labels of UTF-8 and of its subset ASCII.
bool is_utf8_label(std::string_view charset);

// Makes `bytes` UTF-8 when it is not already: a UTF-16 byte order mark, or
// invalid UTF-8 with a declared `charset` that ICU knows. Valid UTF-8 is
// kept as is whatever the declaration says (pages often declare wrongly).
// Returns false with `error` only when a conversion was tried and failed.
bool ensure_utf8(std::string& bytes, std::string_view charset, std::string& error);

}  // namespace mekong::ingest

#include "ingest/source.h"

namespace mekong::ingest {

// Last checks on a document before it leaves ingest, the same for files and
// WARC records: not empty, not binary, UTF-8 (converted from the declared
// `charset`, or the HTML's own declaration when that is empty).
// `head_checked`: binary_reason() already passed on the first 4 KiB.
bool prepare_document(RawDocument& doc, std::string_view charset, std::string& error, bool head_checked = false);

}  // namespace mekong::ingest
