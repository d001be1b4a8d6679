// The notices with problems of one type (the detail of a recurring-problem-types bar): the
// span is the notice's title.
MATCH (n:Notice)-[:CONTAINS]->(p:Problem)-[:HAS_TYPE]->(:ProblemType {id: $problem_type})
WITH n, count(DISTINCT p) AS problems
RETURN n.id AS notice_id, n.title AS title, n.issuer AS issuer, n.published AS published, problems,
       n.span_start AS span_start, n.span_end AS span_end
ORDER BY published, notice_id
LIMIT $limit
