// Types (the most specific ones the classifier gave) by the distinct notices they were found in.
// Rounds are told apart by their start date (each notice has its own Round node).
// A problem's notice is the notice_id its HAS_TYPE carries (no join with Notice needed).
MATCH (p:Problem)-[h:HAS_TYPE]->(t:ProblemType)
OPTIONAL MATCH (p)-[:CONCERNS]->(b:Body)
OPTIONAL MATCH (p)-[:RAISED_IN]->(r:Round)
WITH t, count(DISTINCT h.notice_id) AS notices, count(DISTINCT p) AS problems, count(DISTINCT b) AS bodies,
     count(DISTINCT r.start_date) AS rounds
WHERE notices >= $min_notices
RETURN t.id AS type_id, t.label AS type, t.notation AS notation, notices, problems, bodies, rounds
ORDER BY notices DESC, bodies DESC, problems DESC, type_id
