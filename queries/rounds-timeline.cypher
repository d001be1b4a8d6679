// Dates as stored (ISO strings); lags are added by the registry. The rounds are chosen on
// their own table first (by start date, then id: each notice has its own round): the earliest
// $limit, or with $latest the $limit that started last (rounds without a start date cannot be
// placed, so that part leaves them out); the registry sorts the rows earliest first (`sort`).
// Only the rounds shown are expanded to their notice and inspected body. The label names the
// round and the body, so rounds of the same name (每轮巡察 of many bodies) keep their own row.
// when: latest is false
MATCH (r:Round)
WHERE (r.kind = $kind OR $kind IS NULL) AND (r.level = $level OR $level IS NULL) AND NOT $latest
WITH r ORDER BY r.start_date, r.id LIMIT $limit
OPTIONAL MATCH (n:Notice)-[:REPORTS_ON]->(r)
OPTIONAL MATCH (r)-[:INSPECTED]->(b:Body)
RETURN r.id AS round, coalesce(r.name, r.team) AS name, r.kind AS kind, r.level AS level, r.mode AS mode,
       r.team AS team, b.id AS body, b.name AS body_name, n.id AS notice_id,
       r.start_date AS inspection_start, r.end_date AS inspection_end, r.feedback_date AS feedback,
       n.published AS published, coalesce(r.name, r.team, r.id) + ' · ' + coalesce(b.name, r.id) AS label
UNION ALL
// when: latest is true
MATCH (r:Round)
WHERE (r.kind = $kind OR $kind IS NULL) AND (r.level = $level OR $level IS NULL) AND $latest
  AND r.start_date IS NOT NULL
WITH r ORDER BY r.start_date DESC, r.id DESC LIMIT $limit
OPTIONAL MATCH (n:Notice)-[:REPORTS_ON]->(r)
OPTIONAL MATCH (r)-[:INSPECTED]->(b:Body)
RETURN r.id AS round, coalesce(r.name, r.team) AS name, r.kind AS kind, r.level AS level, r.mode AS mode,
       r.team AS team, b.id AS body, b.name AS body_name, n.id AS notice_id,
       r.start_date AS inspection_start, r.end_date AS inspection_end, r.feedback_date AS feedback,
       n.published AS published, coalesce(r.name, r.team, r.id) + ' · ' + coalesce(b.name, r.id) AS label
