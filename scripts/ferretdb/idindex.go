package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite"
)

// FerretDB 1.24's SQLite backend creates the _id index as (_ferretdb_sjson->"_id") but looks
// documents up with _ferretdb_sjson->'$._id' (metadata.IDColumn), an expression SQLite does not
// match to that index: every find, update and delete by _id scans the whole table, where MongoDB
// uses its _id index. idIndexer adds an index on the very expression the lookups use, to each
// collection's table, so lookups by _id cost what they cost on MongoDB. FerretDB reads its indexes
// from its own metadata, so it never sees this one; dropping a collection drops it with the table.
type idIndexer struct {
	dir   string
	dbs   map[string]*sql.DB
	done  map[string]bool // "file|table" already indexed
	every time.Duration
	// A database file is left alone for this long after it is first seen: FerretDB is creating it
	// (switching it to WAL, writing its metadata), and a second connection doing the same at that
	// moment made FerretDB's own writes fail with SQLITE_BUSY, which no busy timeout waits out.
	settle    time.Duration
	firstSeen map[string]time.Time
	// The file each path named when first seen: a database dropped and created again between two
	// passes is a new file under the same name, to be left to settle and indexed again.
	identity map[string]os.FileInfo
}

func newIDIndexer(dir string) *idIndexer {
	return &idIndexer{
		dir: dir, dbs: map[string]*sql.DB{}, done: map[string]bool{}, every: 100 * time.Millisecond,
		settle: 2 * time.Second, firstSeen: map[string]time.Time{}, identity: map[string]os.FileInfo{},
	}
}

func (x *idIndexer) run(ctx context.Context) {
	t := time.NewTicker(x.every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			for _, db := range x.dbs {
				_ = db.Close()
			}
			return
		case <-t.C:
			x.pass(ctx)
		}
	}
}

func (x *idIndexer) pass(ctx context.Context) {
	files, _ := filepath.Glob(filepath.Join(x.dir, "*.sqlite"))
	seen := map[string]bool{}
	now := time.Now()
	for _, file := range files {
		seen[file] = true
		info, err := os.Stat(file)
		if err != nil {
			continue
		}
		if before, ok := x.identity[file]; ok && !os.SameFile(before, info) {
			x.forget(file)
			delete(x.firstSeen, file)
		}
		x.identity[file] = info
		first, known := x.firstSeen[file]
		if !known {
			x.firstSeen[file] = now
			first = now
		}
		if now.Sub(first) < x.settle {
			continue
		}
		if err := x.indexFile(ctx, file); err != nil {
			// A database being created or dropped right now: the next pass tries again.
			x.forget(file)
		}
	}
	for file := range x.dbs {
		if !seen[file] {
			x.forget(file)
		}
	}
	for file := range x.firstSeen {
		if !seen[file] {
			delete(x.firstSeen, file)
			delete(x.identity, file)
		}
	}
}

func (x *idIndexer) forget(file string) {
	if db := x.dbs[file]; db != nil {
		_ = db.Close()
	}
	delete(x.dbs, file)
	for key := range x.done {
		if strings.HasPrefix(key, file+"|") {
			delete(x.done, key)
		}
	}
}

func (x *idIndexer) indexFile(ctx context.Context, file string) error {
	db := x.dbs[file]
	if db == nil {
		var err error
		db, err = sql.Open("sqlite", "file:"+file+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(wal)")
		if err != nil {
			return err
		}
		db.SetMaxOpenConns(1)
		x.dbs[file] = db
	}
	rows, err := db.QueryContext(ctx, `SELECT table_name FROM _ferretdb_collections`)
	if err != nil {
		if strings.Contains(err.Error(), "no such table") {
			return nil
		}
		return err
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err == nil {
			tables = append(tables, name)
		}
	}
	_ = rows.Close()
	live := map[string]bool{}
	for _, table := range tables {
		key := file + "|" + table
		live[key] = true
		if x.done[key] {
			continue
		}
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (_ferretdb_sjson->'$._id')`, table+"_id_lookup", table)
		if _, err := db.ExecContext(ctx, q); err != nil {
			if strings.Contains(err.Error(), "no such table") {
				continue
			}
			fmt.Fprintln(os.Stderr, "ferretdb-launcher: _id lookup index:", err)
			continue
		}
		x.done[key] = true
	}
	// A collection dropped and created again gets a new table: forget the old ones.
	for key := range x.done {
		if strings.HasPrefix(key, file+"|") && !live[key] {
			delete(x.done, key)
		}
	}
	return nil
}
