// Dates as stored (ISO strings); lags are added by the registry.
MATCH (n:Notice)-[:REPORTS_ON]->(r:Round)
WHERE (r.kind = $kind OR $kind IS NULL) AND (r.level = $level OR $level IS NULL)
OPTIONAL MATCH (r)-[:INSPECTED]->(b:Body)
WITH n, r, b ORDER BY r.start_date, n.published, r.id, b.id LIMIT $limit
RETURN r.id AS round, coalesce(r.name, r.team) AS name, r.kind AS kind, r.level AS level,
       r.mode AS mode, r.team AS team, b.id AS body, b.name AS body_name, n.id AS notice_id,
       r.start_date AS inspection_start, r.end_date AS inspection_end,
       r.feedback_date AS feedback, n.published AS published
ORDER BY inspection_start, published, round, body
