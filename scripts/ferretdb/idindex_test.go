package main

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The query FerretDB 1.24 runs to find, update or delete one document by _id
// (internal/backends/sqlite: metadata.IDColumn in collection.go), planned by SQLite.
func planOfLookupByID(t *testing.T, db *sql.DB, table string) string {
	t.Helper()
	rows, err := db.Query(`EXPLAIN QUERY PLAN SELECT _ferretdb_sjson FROM "`+table+`" WHERE _ferretdb_sjson->'$._id' = ?`, `"k7"`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	return strings.Join(plan, "; ")
}

func TestIDIndexerIndexesTheExpressionLookupsUse(t *testing.T) {
	file := filepath.Join(t.TempDir(), "app.sqlite")
	db, err := sql.Open("sqlite", "file:"+file)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// A collection as FerretDB 1.24 lays it out: its metadata row, its table, its own _id index.
	for _, q := range []string{
		`CREATE TABLE "_ferretdb_collections" (name TEXT NOT NULL UNIQUE CHECK(name != ''), table_name TEXT NOT NULL UNIQUE CHECK(table_name != ''), settings TEXT NOT NULL CHECK(settings != '')) STRICT`,
		`INSERT INTO _ferretdb_collections VALUES ('pairs', 'pairs_1a2b3c4d', '{}')`,
		`CREATE TABLE "pairs_1a2b3c4d" (_ferretdb_sjson TEXT NOT NULL CHECK(_ferretdb_sjson != '')) STRICT`,
		`CREATE UNIQUE INDEX "pairs_1a2b3c4d__id_" ON "pairs_1a2b3c4d" (_ferretdb_sjson->"_id")`,
		`INSERT INTO "pairs_1a2b3c4d" VALUES ('{"_id":"k7"}'), ('{"_id":"k8"}')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if plan := planOfLookupByID(t, db, "pairs_1a2b3c4d"); !strings.Contains(plan, "SCAN") {
		t.Fatalf("without the extra index SQLite should scan (FerretDB's own index does not match); plan: %s", plan)
	}

	x := newIDIndexer(filepath.Dir(file))
	x.pass(context.Background())
	if len(x.dbs) != 0 {
		t.Fatal("a file just created should be left to settle before it is opened")
	}
	x.settle = 0
	x.pass(context.Background())
	defer func() {
		for _, d := range x.dbs {
			_ = d.Close()
		}
	}()

	// A new connection: EXPLAIN starts no transaction, so a connection that planned before would
	// keep the schema it read then (real queries re-read it when it changes).
	fresh, err := sql.Open("sqlite", "file:"+file)
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	plan := planOfLookupByID(t, fresh, "pairs_1a2b3c4d")
	if !strings.Contains(plan, "SEARCH") || !strings.Contains(plan, "pairs_1a2b3c4d_id_lookup") {
		t.Fatalf("a lookup by _id should search the launcher's index; plan: %s", plan)
	}
	// A second pass changes nothing and does not fail.
	x.pass(context.Background())
}

func TestIDIndexerTakesADatabaseCreatedAgainAsNew(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "app.sqlite")
	create := func() {
		db, err := sql.Open("sqlite", "file:"+file)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec(`CREATE TABLE "_ferretdb_collections" (name TEXT, table_name TEXT, settings TEXT)`); err != nil {
			t.Fatal(err)
		}
	}
	create()
	x := newIDIndexer(dir)
	x.settle = 0
	x.pass(context.Background())
	if x.dbs[file] == nil {
		t.Fatal("the database should be open for indexing")
	}
	old := x.dbs[file]
	// Dropped and created again between two passes: the same name, another file.
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	create()
	x.settle = time.Hour
	x.pass(context.Background())
	if x.dbs[file] != nil {
		t.Fatal("a database created again should be left to settle, its old handle closed")
	}
	x.settle = 0
	x.pass(context.Background())
	if x.dbs[file] == nil || x.dbs[file] == old {
		t.Fatal("the new database should be opened afresh")
	}
	for _, d := range x.dbs {
		_ = d.Close()
	}
}
