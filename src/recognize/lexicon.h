// recognize (lexicon): the knowledge files under lexicon/ (see
// lexicon/README.md) loaded into typed, read-only tables, and the
// date-aware questions later stages ask of them: who held an office on a
// day, what office a person held, which mechanism of a family belongs to a
// pair of countries.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mekong::recognize {

// A calendar day. Parsed from 'YYYY', 'YYYY-MM', 'YYYY-MM-DD' or a longer
// ISO timestamp; missing month / day read as 1.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  static std::optional<Date> parse(std::string_view iso);
  bool valid() const { return year > 0; }
  int key() const { return year * 10000 + month * 100 + day; }
  std::string iso() const;
  friend bool operator==(const Date& a, const Date& b) { return a.key() == b.key(); }
  friend auto operator<=>(const Date& a, const Date& b) { return a.key() <=> b.key(); }
};

// What a mention names. `entry` of a Mention indexes the table of its kind.
enum class Kind : uint8_t {
  Country,
  Person,
  Title,  // a way of writing an office ('Thủ tướng Chính phủ')
  Place,
  Mechanism,
  Action,
  Cue,
  Indicator,
  AgreementKind,
  ProjectKind,
  ProjectStatus,
};
inline constexpr size_t kKindCount = 11;
std::string_view kind_name(Kind k);

struct Country {
  std::string code;     // ISO 3166-1 alpha-3
  std::string alpha2;
  std::string name;     // canonical Vietnamese name
  std::string name_en;
  std::string status;   // member | observer | territory | historical
};

struct Office {
  std::string role;     // short Vietnamese name, as records print it
  int rank = 0;         // smaller = higher
  bool single = true;   // one holder per country at a time
  bool joins = true;    // part of a joined role when other offices are held too
  std::string english;
};

struct Title {
  std::string text;                // as written in titles.tsv (or the office's role)
  std::vector<uint32_t> offices;   // into offices()
  std::string country;             // ISO3 when the title itself says whose, else ""
  bool needs_country = false;      // too vague to stand for a holder without a country
  std::string role;                // the offices' roles joined in rank order
};

struct Term {
  uint32_t person = 0;
  uint32_t office = 0;
  Date start;
  std::optional<Date> end;  // first day out of office; nullopt = still in office
  std::string country;      // whose office ("" = international post)
  std::string at;           // ambassadors: the country posted to
  bool approx = false;
  bool covers(const Date& d) const { return start <= d && (!end || d < *end); }
};

struct Person {
  std::string name;               // canonical
  std::string country;
  std::vector<uint32_t> terms;    // into terms(), by start date
};

enum class PlaceKind : uint8_t { Capital, City, Province, Region };

struct Place {
  std::string name;     // canonical
  std::string country;
  PlaceKind kind = PlaceKind::City;
  std::optional<Date> until;   // ceased to exist (merged) on that day
  std::string merged_into;
};

struct Mechanism {
  std::string name;                    // canonical
  std::vector<std::string> countries;  // empty for a generic form
  std::string family;
  bool many = false;                   // '*': a body of many members (UN, APEC, EU), no pair's mechanism
};

struct Action {
  std::string phrase;
  std::string cameo;                      // default code
  std::string construction;               // visit host meet call session consult negotiate sign handover aid ...
  std::vector<std::string> alternatives;  // other codes extraction may pick by context
};

struct Cue {
  std::string label;  // planned occurred negation cancel honorific former acting (+ grammar.tsv labels)
  std::string phrase;
};

struct Indicator {
  std::string phrase;
  std::string indicator;           // trade_turnover investment_registered ... other
  std::vector<std::string> units;  // units a figure of it may have
  std::string direction;           // none | source | origin
};

struct AgreementKind {
  std::string phrase;
  std::string kind;  // agreement strategy mou protocol plan programme declaration
  bool strong = false;
};

struct ProjectKind {
  std::string phrase;
  std::string kind;  // airport port expressway railway hospital school ...
  bool strong = false;
};

struct ProjectStatus {
  std::string phrase;
  std::string status;  // completed | in_progress | planned
};

// One literal the matcher looks for: the matching form of an alias and what
// it names.
struct Pattern {
  std::string key;        // matching form (see match_key)
  Kind kind = Kind::Country;
  uint32_t entry = 0;
  bool pair_only = false; // a country's short form, a country only inside a dash pair
  uint32_t caps = 0;      // bit i: the alias's i-th syllable starts upper case, so must the text's
};

// A problem found while loading: `lexicon check` prints them all.
struct Problem {
  std::string file;  // file name within the lexicon folder
  size_t line = 0;   // 1-based; 0 = the whole file
  bool error = true; // false = warning
  std::string message;
};

// A person's offices on one day.
struct Held {
  std::string role;               // offices joined in rank order ('Tổng Bí thư, Chủ tịch nước')
  std::string country;            // the offices' country
  std::vector<uint32_t> offices;  // into offices(), rank order
};

class Lexicon {
 public:
  // Loads every file of lexicon/README.md from `dir`. Returns nullptr with
  // `error` set only when the folder or countries.tsv cannot be read; bad
  // lines are skipped and reported in problems().
  static std::shared_ptr<const Lexicon> load(const std::string& dir, std::string* error);

  const std::string& dir() const { return dir_; }
  const std::vector<Country>& countries() const { return countries_; }
  const std::vector<Office>& offices() const { return offices_; }
  const std::vector<Title>& titles() const { return titles_; }
  const std::vector<Term>& terms() const { return terms_; }
  const std::vector<Person>& persons() const { return persons_; }
  const std::vector<Place>& places() const { return places_; }
  const std::vector<Mechanism>& mechanisms() const { return mechanisms_; }
  const std::vector<Action>& actions() const { return actions_; }
  const std::vector<Cue>& cues() const { return cues_; }
  const std::vector<Indicator>& indicators() const { return indicators_; }
  const std::vector<AgreementKind>& agreement_kinds() const { return agreement_kinds_; }
  const std::vector<ProjectKind>& project_kinds() const { return project_kinds_; }
  const std::vector<ProjectStatus>& project_statuses() const { return project_statuses_; }
  const std::vector<Pattern>& patterns() const { return patterns_; }
  // Word-level reading (words.tsv, names.tsv), all in matching form:
  // common words of two or more syllables, Vietnamese family names, the
  // words after which a personal name follows ('ông', 'chị') and the roles
  // after which a name or a nationality follows ('ca sĩ', 'cầu thủ').
  const std::vector<std::string>& words() const { return words_; }
  const std::vector<std::string>& surnames() const { return surnames_; }
  // Every Vietnamese syllable of words and names (syllables.tsv, generated), in matching form.
  const std::vector<std::string>& syllables() const { return syllables_; }
  const std::vector<std::string>& name_cues() const { return name_cues_; }
  const std::vector<std::string>& name_roles() const { return name_roles_; }
  // Words before a country that name a part of it ('Nam' in 'Nam Lào').
  const std::vector<std::string>& country_parts() const { return country_parts_; }
  const std::vector<Problem>& problems() const { return problems_; }
  size_t error_count() const;

  // Lookups by canonical name / code (exact) or by any alias (matching form).
  std::optional<uint32_t> country(std::string_view code) const;
  std::optional<uint32_t> office(std::string_view role) const;
  std::optional<uint32_t> person(std::string_view name_or_alias) const;
  std::optional<uint32_t> place(std::string_view name_or_alias) const;
  std::optional<uint32_t> mechanism(std::string_view name_or_alias) const;

  // The offices `person` held on `at`, or nullopt.
  std::optional<Held> office_of(uint32_t person, const Date& at) const;

  // The one person holding `office` of `country` on `at` ("" = international
  // post); for ambassadors `posted_to` narrows to the host country. nullopt
  // when nobody or several people hold it that day.
  std::optional<uint32_t> holder(uint32_t office, std::string_view country, const Date& at,
                                 std::string_view posted_to = {}) const;

  // The entry of `mechanism`'s family whose countries are exactly {a, b}
  // ('Ủy ban liên Chính phủ' + VNM, LAO -> 'Ủy ban liên Chính phủ Việt Nam - Lào').
  std::optional<uint32_t> mechanism_for(uint32_t mechanism, std::string_view a, std::string_view b) const;

  // The roles of `offices` joined in rank order, dropping non-joining ones
  // when others are present.
  std::string join_roles(std::vector<uint32_t> offices) const;

 private:
  friend class LexiconLoader;
  Lexicon() = default;

  std::string dir_;
  std::vector<Country> countries_;
  std::vector<Office> offices_;
  std::vector<Title> titles_;
  std::vector<Term> terms_;
  std::vector<Person> persons_;
  std::vector<Place> places_;
  std::vector<Mechanism> mechanisms_;
  std::vector<Action> actions_;
  std::vector<Cue> cues_;
  std::vector<Indicator> indicators_;
  std::vector<AgreementKind> agreement_kinds_;
  std::vector<ProjectKind> project_kinds_;
  std::vector<ProjectStatus> project_statuses_;
  std::vector<Pattern> patterns_;
  std::vector<std::string> words_, surnames_, name_cues_, name_roles_, country_parts_, syllables_;
  std::vector<Problem> problems_;

  std::unordered_map<std::string, uint32_t> country_by_code_;
  std::unordered_map<std::string, uint32_t> office_by_role_;
  // matching form of an alias -> entry, per kind that names things
  std::unordered_map<std::string, uint32_t> person_by_key_, place_by_key_, mechanism_by_key_;
};

// The matching form of a phrase: normalize::fold (case, tone-mark place,
// dashes), then every dash becomes a space and runs of spaces one space, so
// 'Việt Nam–Lào', 'Việt Nam - Lào' and 'việt nam lào' are the same key.
std::string match_key(std::string_view phrase);

}  // namespace mekong::recognize
