# Statements the read-only guard (graph/readonly.py) must refuse, on both stores: writes, schema
# changes, procedure calls, file access, extensions, transaction control, administration,
# several statements at once, and tricks to hide a keyword. Statements are separated by a
# line holding only ---; lines starting with # are notes. tests/test_readonly.py runs each one
# and checks that the graph is unchanged afterwards.
CREATE (n:Person {id: 'guard-1', name: 'x'})
---
create (n:Person {id: 'guard-2', name: 'lower case'})
---
	cReAtE (:Body {id: 'guard-3'})
---
MERGE (n:Body {id: 'guard-4'})
---
MATCH (n:Notice) SET n.title = 'changed'
---
MATCH (n:Notice) SET n += {title: 'changed'}
---
MATCH (n:Notice) SET n:Archived
---
MATCH (n:Problem) DELETE n
---
MATCH (n:Notice) DETACH DELETE n
---
MATCH (n) DETACH DELETE n
---
MATCH (n:Notice) REMOVE n.title
---
MATCH (n:Notice) REMOVE n:Notice
---
MATCH (a:Notice), (b:Body) CREATE (a)-[:ISSUED_BY]->(b)
---
MATCH (n:Notice) WITH n MERGE (n)-[:CITES]->(:Regulation {id: 'guard-5'})
---
UNWIND ['a', 'b'] AS x CREATE (:Body {id: x})
---
MATCH (n:Notice)
WITH n
SET n.title = 'multi-line'
RETURN n.id
---
MATCH (n) /* harmless? */ DETACH DELETE n
---
MATCH (n:Notice) SET n.title = '巡察' RETURN n.title
---
FOREACH (x IN [1, 2] | CREATE (:Body {id: 'guard-6'}))
---
MATCH (n:Notice) FOREACH (x IN [1] | SET n.title = 'x')
---
DROP TABLE Notice
---
DROP CONSTRAINT noticegraph_notice_id
---
DROP INDEX some_index IF EXISTS
---
CREATE CONSTRAINT guard IF NOT EXISTS FOR (n:Body) REQUIRE n.name IS UNIQUE
---
CREATE INDEX guard_index FOR (n:Body) ON (n.name)
---
CREATE NODE TABLE Guard(id STRING, PRIMARY KEY(id))
---
ALTER TABLE Notice ADD extra STRING
---
ALTER TABLE Notice RENAME TO Notes
---
CREATE MACRO guard_macro(x) AS x
---
CREATE SEQUENCE guard_sequence
---
COPY Notice FROM 'notices.csv'
---
COPY (MATCH (n:Notice) RETURN n.text) TO '/tmp/noticegraph-guard.csv'
---
LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line
---
LOAD CSV WITH HEADERS FROM 'https://example.com/x.csv' AS row CREATE (:Body {id: row.id})
---
USING PERIODIC COMMIT LOAD CSV FROM 'file:///x.csv' AS l CREATE (:Body {id: l[0]})
---
LOAD FROM '/etc/passwd' RETURN *
---
LOAD EXTENSION fts
---
INSTALL fts
---
CALL db.labels()
---
CALL show_tables() RETURN *
---
CALL threads = 4
---
CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})
---
CALL { MATCH (n:Notice) DETACH DELETE n }
---
MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS
---
ATTACH 'other.lbug' AS other (dbtype lbug)
---
DETACH DATABASE other
---
USE other
---
EXPORT DATABASE '/tmp/noticegraph-guard-export'
---
IMPORT DATABASE '/tmp/noticegraph-guard-export'
---
CHECKPOINT
---
BEGIN TRANSACTION
---
COMMIT
---
ROLLBACK
---
CREATE DATABASE other
---
DROP DATABASE neo4j
---
CREATE USER eve SET PASSWORD 'secret123'
---
GRANT ALL ON DATABASE * TO PUBLIC
---
REVOKE ALL ON DATABASE * FROM PUBLIC
---
SHOW USERS
---
START DATABASE neo4j
---
STOP DATABASE neo4j
---
TERMINATE TRANSACTIONS 'neo4j-transaction-1'
---
PROFILE CREATE (:Body {id: 'guard-7'})
---
EXPLAIN MATCH (n) DETACH DELETE n
---
MATCH (n:Notice) RETURN n; MATCH (n) DETACH DELETE n
---
RETURN 1; CREATE (:Body {id: 'guard-8'})
---
MATCH (n:Notice) RETURN n.id /* two statements */ ; DROP TABLE Notice
---
RETURN 1 AS a; RETURN 2 AS b
---
RETURN 'a\' AS x CREATE (:Body {id: 1}) RETURN 'z' AS y //'
---
RETURN 'never closed
---
MATCH (n:Notice) /* never closed RETURN n
---
MATCH (n:Notice) SET n.`title` = 'backticked property'
