// A relapse (反弹回潮): a type a body reported completed in the notice on one round, found again
// in a later round concerning the same body. One row per body, type and later round (each
// notice has its own round); rounds are compared by their start dates (ISO strings). Read
// from the per-notice tallies (graph/tallies.py): a BODY_TYPE with completed problems, and a
// BODY_TYPE of the same body and type from a notice on a later round.
MATCH (b:Body)-[done:BODY_TYPE]->(t:ProblemType)
WHERE done.completed > 0 AND (t.id = $type_id OR $type_id IS NULL)
MATCH (b)-[again:BODY_TYPE]->(t)
WHERE again.round_start > done.round_start
WITH b, t, again.notice_id AS notice_id, again.round_start AS found_again_round, again.problems AS found_again,
     max(done.round_start) AS completed_round, sum(done.completed) AS completed_problems
RETURN b.id AS body_id, b.name AS body, t.id AS type_id, t.label AS type, completed_round,
       found_again_round, notice_id, completed_problems, found_again
ORDER BY body_id, type_id, found_again_round, notice_id
LIMIT $limit
