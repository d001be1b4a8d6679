// when: scope is 'measure'
// The measures (scope measure) or notices (scope notice) that cite both regulations of a pair
// (the detail of a co-cited-regulations row). A notice's span is its title. One part per
// scope (the registry sorts the union's rows: see `sort`).
MATCH (:Regulation {id: $regulation_a})<-[:CITES]-(m:Measure)-[:CITES]->(:Regulation {id: $regulation_b})
WHERE $scope = 'measure'
WITH DISTINCT m
RETURN m.id AS item, m.text AS text, m.notice_id AS notice_id, m.span_start AS span_start,
       m.span_end AS span_end
ORDER BY notice_id, item
LIMIT $limit
UNION ALL
// when: scope is 'notice'
MATCH (:Regulation {id: $regulation_a})<-[:CITES]-(n:Notice)-[:CITES]->(:Regulation {id: $regulation_b})
WHERE $scope = 'notice'
WITH DISTINCT n
RETURN n.id AS item, n.title AS text, n.notice_id AS notice_id, n.span_start AS span_start,
       n.span_end AS span_end
ORDER BY notice_id, item
LIMIT $limit
