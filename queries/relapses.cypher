// A relapse (反弹回潮): a type a body reported completed in the notice on one round, found again
// in a later round concerning the same body. One row per body, type and later round; rounds
// are compared by their start dates (ISO strings). First the completed problems, grouped by
// body, type and round start (few rows); then the body's problems of that type in later
// rounds, grouped by that round, so no problem is paired with every other problem.
MATCH (b:Body)<-[:CONCERNS]-(done:Problem)-[:HAS_TYPE]->(t:ProblemType)
WHERE done.status = 'completed' AND (t.id = $type_id OR $type_id IS NULL)
MATCH (done)-[:RAISED_IN]->(earlier:Round)
WITH b, t, earlier.start_date AS done_start, count(DISTINCT done) AS done_here
MATCH (b)<-[:CONCERNS]-(again:Problem)-[:HAS_TYPE]->(t)
MATCH (again)-[:RAISED_IN]->(later:Round)
WHERE later.start_date > done_start
WITH b, t, done_start, done_here, later, count(DISTINCT again) AS found_again
WITH b, t, later, found_again, max(done_start) AS completed_round, sum(done_here) AS completed_problems
RETURN b.id AS body_id, b.name AS body, t.id AS type_id, t.label AS type, completed_round,
       later.start_date AS found_again_round, later.notice_id AS notice_id, completed_problems, found_again
ORDER BY body_id, type_id, found_again_round, notice_id
LIMIT $limit
