// The problems behind a count of problems: filters left null are not applied. $notice 'all'
// means every notice (the overall rows of status-summary); a problem without a status has
// status 'unstated'. $problem_type with $top_level: the type or any narrower type (the
// taxonomy is at most 4 levels deep); without: the type the classifier gave.
MATCH (n:Notice)-[:CONTAINS]->(p:Problem)
WHERE (n.id = $notice OR $notice = 'all' OR $notice IS NULL)
  AND (coalesce(p.status, 'unstated') = $status OR $status IS NULL)
  AND (EXISTS { MATCH (p)-[:CONCERNS]->(:Body {id: $body}) } OR $body IS NULL)
  AND (EXISTS { MATCH (p)-[:HAS_TYPE]->(:ProblemType {id: $problem_type}) } AND NOT $top_level
       OR EXISTS { MATCH (p)-[:HAS_TYPE]->(:ProblemType)-[:BROADER*0..3]->(:ProblemType {id: $problem_type}) }
          AND $top_level
       OR $problem_type IS NULL)
RETURN p.id AS problem, p.text AS text, coalesce(p.status, 'unstated') AS status, p.deadline AS deadline,
       n.id AS notice_id, n.title AS notice_title, n.published AS published,
       p.span_start AS span_start, p.span_end AS span_end
ORDER BY published, notice_id, p.ordinal, problem
LIMIT $limit
