// One row per notice (its round and inspected body), metric and unit.
MATCH (n:Notice)-[:REPORTS_FIGURE]->(f:Figure)
WHERE (f.unit = $unit OR $unit IS NULL) AND (f.metric = $metric OR $metric IS NULL)
MATCH (n)-[:REPORTS_ON]->(r:Round)-[:INSPECTED]->(b:Body)
WHERE b.id = $body OR $body IS NULL
WITH b, r, n, f.metric AS metric, f.unit AS unit, max(f.value) AS value, count(f) AS mentions
RETURN b.id AS body, b.name AS body_name, r.id AS round, coalesce(r.name, r.team) AS round_name,
       n.id AS notice_id, n.published AS published, metric, unit, value, mentions
ORDER BY body_name, body, published, round, metric, unit
LIMIT $limit
