// merge: which mentions are one event, which values one figure, and that
// the answer never depends on the order the articles came in.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "merge/merge.h"

namespace mekong::merge {
namespace {

CameoTable project_cameo() {
  std::string error;
  CameoTable t = CameoTable::load(MEKONG_LEXICON_DIR, &error);
  EXPECT_EQ(error, "");
  return t;
}

Actor actor(const char* country, const char* person = nullptr) {
  Actor a;
  if (country) a.country = country;
  if (person) a.person = person;
  return a;
}

Event event(const char* cameo, const char* start, const char* end, const char* precision, Actor a1, Actor a2,
            const char* status = "occurred") {
  Event e;
  e.cameo = cameo;
  e.date = {start, end, precision};
  e.actor1 = std::move(a1);
  e.actor2 = std::move(a2);
  e.status = status;
  return e;
}

EventMention mention(Event e, const char* doc, uint32_t index = 0, const char* published = "") {
  return EventMention{std::move(e), doc, published, index};
}

// Clusters as sets of "doc#index", comparable across input orders.
std::set<std::set<std::string>> partition(const std::vector<EventMention>& ms, const CameoTable& cameo) {
  std::set<std::set<std::string>> out;
  for (const auto& c : cluster_events(ms, cameo)) {
    std::set<std::string> names;
    for (size_t i : c) names.insert(ms[i].doc + "#" + std::to_string(ms[i].index));
    out.insert(names);
  }
  return out;
}

TEST(CameoTable, LoadsTheProjectTable) {
  const CameoTable t = project_cameo();
  ASSERT_GT(t.size(), 40u);
  const CameoInfo* visit = t.find("042");
  ASSERT_NE(visit, nullptr);
  EXPECT_DOUBLE_EQ(visit->goldstein, 1.9);
  EXPECT_EQ(visit->quadclass, 1);
  EXPECT_EQ(t.mirror("042"), "043");
  EXPECT_EQ(t.mirror("043"), "042");
  EXPECT_EQ(t.mirror("040"), "");
  // An unknown sub-code falls back to its root.
  const CameoInfo* sub = t.find("0499");
  ASSERT_NE(sub, nullptr);
  EXPECT_EQ(sub->code, "04");
  EXPECT_EQ(t.find("99"), nullptr);
  // Aid is material cooperation, fighting material conflict.
  EXPECT_EQ(t.find("071")->quadclass, 2);
  EXPECT_EQ(t.find("19")->quadclass, 4);
  EXPECT_LT(t.find("19")->goldstein, 0);
}

TEST(CameoTable, MissingFileIsReported) {
  std::string error;
  const CameoTable t = CameoTable::load("/nonexistent-folder", &error);
  EXPECT_EQ(t.size(), 0u);
  EXPECT_NE(error.find("cannot read"), std::string::npos);
}

TEST(Days, RangesByPrecision) {
  EXPECT_EQ(days_of("2024", "2024").first, "2024-01-01");
  EXPECT_EQ(days_of("2024", "2024").last, "2024-12-31");
  EXPECT_EQ(days_of("2024-02", "2024-02").last, "2024-02-29");
  EXPECT_EQ(days_of("2023-02", "2023-02").last, "2023-02-28");
  EXPECT_EQ(days_of("2024-01", "2024-07").last, "2024-07-31");
  EXPECT_EQ(days_of("2024-05-15", "").last, "2024-05-15");
  EXPECT_FALSE(days_of("2024-13", "2024-13").valid());
  EXPECT_FALSE(days_of("2024-02-30", "2024-02-30").valid());
  EXPECT_FALSE(days_of("", "").valid());
  EXPECT_FALSE(days_of("2024-05-20", "2024-05-10").valid());
}

TEST(Compatible, SameCodeOverlappingDates) {
  const CameoTable t = project_cameo();
  const Event a = event("040", "2025-05-16", "2025-05-16", "day", actor("VNM", "Nguyễn Văn An"), actor("THA"));
  const Event b = event("040", "2025-05-15", "2025-05-17", "day", actor("THA"), actor("VNM"));
  EXPECT_TRUE(compatible(a, b, t));
  // Days apart: two different talks.
  const Event c = event("040", "2025-03-20", "2025-03-20", "day", actor("VNM"), actor("THA"));
  EXPECT_FALSE(compatible(a, c, t));
  // Another pair of countries.
  const Event d = event("040", "2025-05-16", "2025-05-16", "day", actor("VNM"), actor("LAO"));
  EXPECT_FALSE(compatible(a, d, t));
}

TEST(Compatible, CodesWithinARoot) {
  const CameoTable t = project_cameo();
  const Event visit = event("042", "2025-05-15", "2025-05-16", "day", actor("THA"), actor("VNM"));
  const Event talks = event("040", "2025-05-16", "2025-05-16", "day", actor("VNM"), actor("THA"));
  const Event host = event("043", "2025-05-15", "2025-05-16", "day", actor("VNM"), actor("THA"));
  const Event host_wrong_way = event("043", "2025-05-15", "2025-05-16", "day", actor("THA"), actor("VNM"));
  const Event root_only = event("04", "2025-05-16", "2025-05-16", "day", actor("VNM"), actor("THA"));
  const Event return_visit = event("042", "2025-05-15", "2025-05-16", "day", actor("VNM"), actor("THA"));
  EXPECT_FALSE(compatible(visit, talks, t)) << "a visit and the talks during it are two events";
  EXPECT_TRUE(compatible(visit, host, t)) << "visiting B is B hosting the visit";
  EXPECT_FALSE(compatible(visit, host_wrong_way, t));
  EXPECT_TRUE(compatible(visit, root_only, t));
  EXPECT_FALSE(compatible(visit, return_visit, t)) << "a visit keeps its direction";
  EXPECT_TRUE(compatible(talks, event("040", "2025-05-16", "2025-05-16", "day", actor("THA"), actor("VNM")), t))
      << "talks have no direction";
}

TEST(Compatible, PersonsAndMechanisms) {
  const CameoTable t = project_cameo();
  const Event a = event("040", "2024-01-05", "2024-01-05", "day", actor("VNM", "Trần Văn Bình"), actor("LAO", "Khamla Vongsa"));
  const Event same = event("040", "2024-01-05", "2024-01-05", "day", actor("LAO", "Khamla Vongsa"), actor("VNM"));
  const Event other = event("040", "2024-01-05", "2024-01-05", "day", actor("VNM", "Lê Thị Cúc"), actor("LAO"));
  EXPECT_TRUE(compatible(a, same, t));
  EXPECT_FALSE(compatible(a, other, t)) << "other person of the same country: another meeting";
  Event m1 = a, m2 = same;
  m1.mechanism = Mechanism{"Ủy ban hỗn hợp", 12};
  m2.mechanism = Mechanism{"Ủy ban Hỗn hợp", 12};
  EXPECT_TRUE(compatible(m1, m2, t)) << "case does not matter in names";
  m2.mechanism->session = 13;
  EXPECT_FALSE(compatible(m1, m2, t));
  m2.mechanism->session.reset();
  EXPECT_TRUE(compatible(m1, m2, t));
}

// Four articles tell one visit, three its talks; a fifth article, on the
// same pair and code, tells other talks two months before.
std::vector<EventMention> visit_story() {
  std::vector<EventMention> ms;
  ms.push_back(mention(event("042", "2025-05-15", "2025-05-16", "day", actor("THA", "Somchai Rattana"), actor("VNM")), "d1", 0));
  ms.push_back(mention(event("040", "2025-05-16", "2025-05-16", "day", actor("VNM", "Đỗ Văn Hùng"), actor("THA", "Somchai Rattana")), "d1", 1));
  ms.push_back(mention(event("042", "2025-05-15", "2025-05-16", "day", actor("THA"), actor("VNM")), "d2", 0));
  ms.push_back(mention(event("040", "2025-05-16", "2025-05-16", "day", actor("THA", "Somchai Rattana"), actor("VNM")), "d2", 1));
  ms.push_back(mention(event("043", "2025-05-15", "2025-05-16", "day", actor("VNM"), actor("THA", "Somchai Rattana")), "d3", 0));
  ms.push_back(mention(event("042", "2025-05", "2025-05", "month", actor("THA"), actor("VNM")), "d4", 0));
  ms.push_back(mention(event("040", "2025-05-16", "2025-05-16", "day", actor("VNM", "Đỗ Văn Hùng"), actor("THA")), "d4", 1));
  ms.push_back(mention(event("040", "2025-03-20", "2025-03-20", "day", actor("VNM", "Phan Thu Hà"), actor("THA")), "d5", 0));
  return ms;
}

TEST(ClusterEvents, SameEventsInDifferentArticles) {
  const CameoTable t = project_cameo();
  const auto ms = visit_story();
  const auto parts = partition(ms, t);
  const std::set<std::set<std::string>> expected = {
      {"d1#0", "d2#0", "d3#0", "d4#0"},  // the visit: hosted (043) and month-only mentions join
      {"d1#1", "d2#1", "d4#1"},          // the talks
      {"d5#0"},                          // the earlier talks stay apart
  };
  EXPECT_EQ(parts, expected);
}

TEST(ClusterEvents, AnyOrderGivesTheSameEvents) {
  const CameoTable t = project_cameo();
  auto ms = visit_story();
  const auto reference = partition(ms, t);
  std::mt19937 rng(7);
  for (int i = 0; i < 50; ++i) {
    std::shuffle(ms.begin(), ms.end(), rng);
    ASSERT_EQ(partition(ms, t), reference) << "shuffle " << i;
  }
}

TEST(ClusterEvents, TwoEventsOfOneArticleStayTwo) {
  const CameoTable t = project_cameo();
  // An article states each action once: two signings it lists are two.
  std::vector<EventMention> ms = {
      mention(event("057", "2024-06-01", "2024-06-01", "day", actor("VNM"), actor("KHM")), "a", 0),
      mention(event("057", "2024-06-01", "2024-06-01", "day", actor("VNM"), actor("KHM")), "a", 1),
      mention(event("057", "2024-06-01", "2024-06-01", "day", actor("KHM"), actor("VNM")), "b", 0),
  };
  const auto parts = partition(ms, t);
  EXPECT_EQ(parts.size(), 2u);
  for (const auto& p : parts) EXPECT_LE(p.size(), 2u);
}

TEST(ClusterEvents, AVagueDateJoinsOnlyWhenItFitsOneEvent) {
  const CameoTable t = project_cameo();
  std::vector<EventMention> ms = {
      mention(event("042", "2024-03-02", "2024-03-03", "day", actor("LAO"), actor("VNM")), "a", 0),
      mention(event("042", "2024-03", "2024-03", "month", actor("LAO"), actor("VNM")), "b", 0),
  };
  EXPECT_EQ(partition(ms, t).size(), 1u);
  // Two visits that month: the month-only mention cannot tell which.
  ms.push_back(mention(event("042", "2024-03-20", "2024-03-21", "day", actor("LAO"), actor("VNM")), "c", 0));
  const auto parts = partition(ms, t);
  EXPECT_EQ(parts.size(), 3u);
  EXPECT_TRUE(parts.count({"b#0"}));
}

TEST(Summarize, MostCommonValues) {
  const auto ms = visit_story();
  // The visit's mentions: 042 x3 (one month-only) and 043 once.
  std::vector<const EventMention*> visit = {&ms[0], &ms[2], &ms[4], &ms[5]};
  const Event e = summarize(visit);
  EXPECT_EQ(e.cameo, "042");
  EXPECT_EQ(e.date.start, "2025-05-15");
  EXPECT_EQ(e.date.end, "2025-05-16");
  EXPECT_EQ(e.date.precision, "day");
  EXPECT_EQ(e.actor1.country, "THA");
  EXPECT_EQ(e.actor1.person, "Somchai Rattana") << "the person comes from whichever source names him";
  EXPECT_EQ(e.actor2.country, "VNM");
  EXPECT_EQ(e.status, "occurred");
}

TEST(Summarize, PlannedUntilOneSourceReportsItDone) {
  std::vector<EventMention> ms = {
      mention(event("036", "2024-08", "2024-08", "month", actor("VNM"), actor("KHM"), "planned"), "a"),
      mention(event("036", "2024-08", "2024-08", "month", actor("VNM"), actor("KHM"), "planned"), "b"),
  };
  EXPECT_EQ(summarize({&ms[0], &ms[1]}).status, "planned");
  ms[1].event.status = "occurred";
  EXPECT_EQ(summarize({&ms[0], &ms[1]}).status, "occurred");
}

Figure trade(double value, const char* approx = "exact") {
  Figure f;
  f.indicator = "trade_turnover";
  f.value = value;
  f.unit = "USD";
  f.measure = "level";
  f.approx = approx;
  f.period_start = "2024";
  f.period_end = "2024";
  return f;
}

TEST(FigureKey, WhatMakesTwoFiguresTheSame) {
  const Figure a = trade(1e9);
  EXPECT_EQ(figure_key(a, "THA-VNM"), figure_key(trade(2e9), "THA-VNM")) << "the value is not in the key";
  EXPECT_NE(figure_key(a, "THA-VNM"), figure_key(a, "LAO-VNM"));
  Figure change = a;
  change.measure = "change";
  EXPECT_NE(figure_key(a, "THA-VNM"), figure_key(change, "THA-VNM"));
  Figure other_year = a;
  other_year.period_start = other_year.period_end = "2023";
  EXPECT_NE(figure_key(a, "THA-VNM"), figure_key(other_year, "THA-VNM"));
  Figure no_period = a;
  no_period.period_start.reset();
  no_period.period_end.reset();
  EXPECT_EQ(figure_key(no_period, "THA-VNM"), "") << "no period: nothing safe to merge with";
  EXPECT_EQ(figure_key(a, ""), "") << "two-way figure of an unknown pair";
  Figure directed = a;
  directed.indicator = "investment_registered";
  directed.from = "VNM";
  directed.to = "LAO";
  EXPECT_NE(figure_key(directed, ""), "") << "a direction names the pair";
  Figure reverse = directed;
  std::swap(reverse.from, reverse.to);
  EXPECT_NE(figure_key(directed, ""), figure_key(reverse, ""));
}

std::vector<FigureMention> trade_story() {
  return {
      {trade(20.2e9), "d1", "2025-05-16", 0},
      {trade(20.2e9, "about"), "d2", "2025-05-17", 0},
      {trade(19.5e9), "d3", "2025-05-01", 0},
      {trade(20.2e9), "d4", "2025-05-18", 0},
      {trade(20.25e9), "d5", "2025-05-16", 0},  // 0.25 % off: the same value, rounded otherwise
  };
}

TEST(MergeValues, ConflictKeepsEveryValueWithItsSources) {
  const FigureValues v = merge_values(trade_story());
  ASSERT_EQ(v.groups.size(), 2u);
  EXPECT_TRUE(v.conflict);
  EXPECT_DOUBLE_EQ(v.groups[0].value, 20.2e9);
  EXPECT_EQ(v.groups[0].approx, "exact");
  EXPECT_EQ(v.groups[0].documents, 4u);
  EXPECT_DOUBLE_EQ(v.groups[1].value, 19.5e9);
  ASSERT_EQ(v.groups[1].members.size(), 1u);
  EXPECT_EQ(trade_story()[v.groups[1].members[0]].doc, "d3");
}

TEST(MergeValues, AnyOrderGivesTheSameValues) {
  auto ms = trade_story();
  const FigureValues ref = merge_values(ms);
  std::mt19937 rng(11);
  for (int i = 0; i < 30; ++i) {
    std::shuffle(ms.begin(), ms.end(), rng);
    const FigureValues v = merge_values(ms);
    ASSERT_EQ(v.groups.size(), ref.groups.size());
    for (size_t g = 0; g < v.groups.size(); ++g) {
      EXPECT_DOUBLE_EQ(v.groups[g].value, ref.groups[g].value);
      std::set<std::string> a, b;
      for (size_t m : v.groups[g].members) a.insert(ms[m].doc);
      for (size_t m : ref.groups[g].members) b.insert(trade_story()[m].doc);
      EXPECT_EQ(a, b);
    }
  }
}

TEST(MergeValues, AgreeingValuesAndBounds) {
  std::vector<FigureMention> ms = {{trade(1.6e9), "a", "", 0}, {trade(1.604e9), "b", "", 0}};
  FigureValues v = merge_values(ms);
  EXPECT_EQ(v.groups.size(), 1u);
  EXPECT_FALSE(v.conflict);
  // 'over 1.5 billion' agrees with 1.6 billion; 'over 1.7 billion' does not.
  ms.push_back({trade(1.5e9, "over"), "c", "", 0});
  v = merge_values(ms);
  EXPECT_EQ(v.groups.size(), 2u);
  EXPECT_FALSE(v.conflict);
  ms.push_back({trade(1.7e9, "over"), "d", "", 0});
  EXPECT_TRUE(merge_values(ms).conflict);
}

TEST(MergeValues, MainValueTiesGoToTheLatestArticle) {
  std::vector<FigureMention> ms = {{trade(1.0e9), "a", "2024-01-10", 0}, {trade(1.2e9), "b", "2024-03-01", 0}};
  EXPECT_DOUBLE_EQ(merge_values(ms).groups[0].value, 1.2e9);
  ms[0].published = "2024-06-01";
  EXPECT_DOUBLE_EQ(merge_values(ms).groups[0].value, 1.0e9);
}

TEST(NameKey, CaseMarksPlacementAndPunctuation) {
  EXPECT_EQ(name_key("Hiệp định Hợp tác Văn hóa"), name_key("hiệp định hợp tác văn hoá"));
  EXPECT_EQ(name_key("Bản ghi nhớ, về  giáo dục."), name_key("bản ghi nhớ về giáo dục"));
  EXPECT_NE(name_key("cầu Mỹ Thuận"), name_key("cầu My Thuan")) << "marks are letters; only placement is folded";
}

TEST(KeepIds, ClustersKeepTheIdOfWhatTheyContinue) {
  // Cluster 0 continues event 7 (two of its mentions), cluster 1 is new, cluster 2 took one mention of 7
  // and all of 9.
  const auto keep = keep_ids({{7, 7, 0}, {0}, {7, 9, 9}});
  EXPECT_EQ(keep, (std::vector<int64_t>{7, 0, 9}));
  // Two clusters split one event: the larger keeps the id.
  EXPECT_EQ(keep_ids({{5}, {5, 5}}), (std::vector<int64_t>{0, 5}));
}

}  // namespace
}  // namespace mekong::merge
