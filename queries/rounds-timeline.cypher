// Dates as stored (ISO strings); lags are added by the registry. The rounds are chosen on
// their own table first (by start date, then id: each notice has its own round); only those
// shown are expanded to their notice and inspected body.
MATCH (r:Round)
WHERE (r.kind = $kind OR $kind IS NULL) AND (r.level = $level OR $level IS NULL)
WITH r ORDER BY r.start_date, r.id LIMIT $limit
OPTIONAL MATCH (n:Notice)-[:REPORTS_ON]->(r)
OPTIONAL MATCH (r)-[:INSPECTED]->(b:Body)
RETURN r.id AS round, coalesce(r.name, r.team) AS name, r.kind AS kind, r.level AS level,
       r.mode AS mode, r.team AS team, b.id AS body, b.name AS body_name, n.id AS notice_id,
       r.start_date AS inspection_start, r.end_date AS inspection_end,
       r.feedback_date AS feedback, n.published AS published
ORDER BY inspection_start, round
