// Dates are ISO strings: deadline 'YYYY-MM' < as_of 'YYYY-MM-DD' holds when the month is
// earlier or the same; NOT STARTS WITH removes the same month. One part per case, each
// choosing its problems on one table before expanding only the rows it keeps: given a body,
// from that body; otherwise from the problems alone (a problem's body, if any, is looked up
// after the limit). The kept rows count their measures and find their notice (by the problem's
// notice_id) after the limit; a COUNT subquery or a path back to the notice would be joined
// with every measure or notice.
// when: body is given
MATCH (b:Body {id: $body})<-[:CONCERNS]-(p:Problem)
WHERE p.deadline < $as_of AND NOT $as_of STARTS WITH p.deadline
  AND p.status IN ['in_progress', 'partial']
WITH p, b ORDER BY p.deadline, p.id LIMIT $limit
OPTIONAL MATCH (p)-[:ADDRESSED_BY]->(m:Measure)
WITH p, b, count(m) AS measures
OPTIONAL MATCH (n:Notice {id: p.notice_id})
RETURN p.id AS problem, p.text AS problem_text, p.status AS status, p.status_text AS status_text,
       p.deadline AS deadline, b.id AS body, b.name AS body_name, n.id AS notice_id,
       n.published AS published, measures,
       p.span_start AS span_start, p.span_end AS span_end
UNION ALL
// when: body is null
MATCH (p:Problem)
WHERE $body IS NULL AND p.deadline < $as_of AND NOT $as_of STARTS WITH p.deadline
  AND p.status IN ['in_progress', 'partial']
WITH p ORDER BY p.deadline, p.id LIMIT $limit
OPTIONAL MATCH (p)-[:ADDRESSED_BY]->(m:Measure)
WITH p, count(m) AS measures
OPTIONAL MATCH (p)-[:CONCERNS]->(b:Body)
OPTIONAL MATCH (n:Notice {id: p.notice_id})
RETURN p.id AS problem, p.text AS problem_text, p.status AS status, p.status_text AS status_text,
       p.deadline AS deadline, b.id AS body, b.name AS body_name, n.id AS notice_id,
       n.published AS published, measures,
       p.span_start AS span_start, p.span_end AS span_end
