// Types (the most specific ones the classifier gave) by the distinct notices they were found
// in, read from the per-notice tallies (graph/tallies.py): NOTICE_TYPE gives a type's notices,
// problems and round starts (rounds are told apart by their start date: each notice has its
// own Round node), BODY_TYPE the bodies it was found in.
MATCH (:Notice)-[c:NOTICE_TYPE]->(t:ProblemType)
WITH t, count(*) AS notices, sum(c.problems) AS problems, count(DISTINCT c.round_start) AS rounds
WHERE notices >= $min_notices
OPTIONAL MATCH (b:Body)-[:BODY_TYPE]->(t)
WITH t, notices, problems, rounds, count(DISTINCT b) AS bodies
RETURN t.id AS type_id, t.label AS type, t.notation AS notation, notices, problems, bodies, rounds
ORDER BY notices DESC, bodies DESC, problems DESC, type_id
