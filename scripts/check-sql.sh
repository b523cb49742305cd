#!/usr/bin/env bash
# check-sql.sh: SQL outside src/store is portable (DESIGN.md, "Rules of the
# house": standard SQL that PostgreSQL also accepts; backend-specific text
# lives only in the backend file).
#
# Reads the C string literals of every .c/.h file under src/ except src/store
# (comments removed; adjacent literals joined, so a form split over two lines
# is still seen) and fails, naming file, line and form, on a SQLite-only form:
#   IS / IS NOT with anything but NULL (use IS [NOT] DISTINCT FROM), MATCH,
#   GLOB, INSERT OR ..., REPLACE INTO, rowid, last_insert_rowid(), JSON
#   functions (json_extract, json(...), ...), strftime / julianday /
#   datetime / unixepoch / date('now'), IFNULL, IIF, group_concat, printf,
#   PRAGMA, sqlite_ tables, COLLATE NOCASE, LIMIT -1, AUTOINCREMENT, and
#   virtual (FTS) tables outside migrations.
# It also rejects calls of fz_db_last_id, which db.h no longer has (use
# INSERT ... RETURNING <key> with fz_stmt_exec_id).
#
# Skipped: migration texts, i.e. the initialiser of a
#   const struct fz_migration NAME[] = { ... };
# array (up to the "};" at the start of a line). Migrations are
# backend-specific by design (FTS5 tables, triggers); PostgreSQL gets its own.
# Full-text search is reached through platform/search.h, whose SQLite text
# lives in src/store/db_sqlite.c.
set -euo pipefail
cd "$(dirname "$0")/.."

files=$(find src -type f \( -name '*.c' -o -name '*.h' \) ! -path 'src/store/*' | sort)
# shellcheck disable=SC2086
perl -e '
use strict;
use warnings;
my @forms = (
	[qr/\bIS(?:\s+NOT)?\s+(?!NULL\b|NOT\b|DISTINCT\b)[^\s)]/, "IS / IS NOT for a value (use IS [NOT] DISTINCT FROM)"],
	[qr/\bMATCH\b/, "MATCH (full-text search: platform/search.h)"],
	[qr/\bGLOB\b/i, "GLOB"],
	[qr/\bINSERT\s+OR\b/i, "INSERT OR ... (use ON CONFLICT)"],
	[qr/\bREPLACE\s+INTO\b/i, "REPLACE INTO (use ON CONFLICT)"],
	[qr/\browid\b|\boid\b/i, "rowid (use the table key)"],
	[qr/\blast_insert_rowid\s*\(/i, "last_insert_rowid() (use RETURNING)"],
	[qr/\bjson(?:_\w+)?\s*\(/i, "SQL JSON function (read the column and parse it in C)"],
	[qr/\b(?:strftime|julianday|datetime|unixepoch)\s*\(/i, "SQLite date function"],
	[qr/\b(?:date|time)\s*\(\s*\x27now/i, "date(\x27now\x27) (pass the date in)"],
	[qr/\bIFNULL\s*\(/i, "IFNULL (use COALESCE)"],
	[qr/\bIIF\s*\(/i, "IIF (use CASE)"],
	[qr/\bgroup_concat\s*\(/i, "group_concat"],
	[qr/\bprintf\s*\(/i, "printf() in SQL"],
	[qr/\bPRAGMA\b/, "PRAGMA"],
	[qr/\bsqlite_\w+/i, "sqlite_ table"],
	[qr/\bNOCASE\b/i, "COLLATE NOCASE"],
	[qr/\bLIMIT\s+-1\b/i, "LIMIT -1"],
	[qr/\bAUTOINCREMENT\b/i, "AUTOINCREMENT"],
	[qr/\bVIRTUAL\s+TABLE\b|\bfts[345]\b/i, "FTS table (in a migration; search through platform/search.h)"],
);
my ($nfiles, $nlit, $bad) = (0, 0, 0);
for my $file (@ARGV) {
	open(my $fh, "<", $file) or die "$file: $!";
	local $/;
	my $src = <$fh>;
	close $fh;
	$nfiles++;
	# Blank out migration arrays, comments and character literals, keeping
	# newlines so line numbers hold.
	my $blank = sub { my $s = shift; $s =~ s/[^\n]/ /g; $s };
	$src =~ s{(struct\s+fz_migration\s+\w+\s*\[\s*\]\s*=\s*\{.*?^\};)}{$blank->($1)}gmse;
	$src =~ s{("(?:[^"\\\n]|\\.)*")|(/\*.*?\*/|//[^\n]*|\x27(?:[^\x27\\\n]|\\.)*\x27)}{defined $1 ? $1 : $blank->($2)}gse;
	while ($src =~ /\bfz_db_last_id\s*\(/g) {
		my $line = 1 + (substr($src, 0, $-[0]) =~ tr/\n//);
		print STDERR "check-sql: $file:$line: fz_db_last_id (use INSERT ... RETURNING <key>, fz_stmt_exec_id)\n";
		$bad++;
	}
	# Runs of adjacent literals: text plus the line each character came from.
	my @runs;
	my ($text, $end, @lines) = ("", -1);
	while ($src =~ /"((?:[^"\\\n]|\\.)*)"/g) {
		my ($body, $start, $stop) = ($1, $-[0], $+[0]);
		$nlit++;
		my $line = 1 + (substr($src, 0, $start) =~ tr/\n//);
		if ($end < 0 || substr($src, $end, $start - $end) =~ /\S/) {
			push @runs, [$text, [@lines]] if $end >= 0;
			($text, @lines) = ("", ());
		}
		$text .= $body;
		push @lines, ($line) x length($body);
		$end = $stop;
	}
	push @runs, [$text, [@lines]] if $end >= 0;
	for my $run (@runs) {
		my ($t, $l) = @$run;
		for my $f (@forms) {
			while ($t =~ /$f->[0]/g) {
				my ($m, $at) = ($&, $-[0]);
				print STDERR "check-sql: $file:$l->[$at]: $f->[1]: \"$m\"\n";
				$bad++;
			}
		}
	}
}
printf "check-sql: %d files outside src/store, %d string literals (migration arrays skipped):\n", $nfiles, $nlit;
print "  no IS/IS NOT for values, MATCH, GLOB, INSERT OR, REPLACE INTO, rowid, last_insert_rowid,\n";
print "  SQL JSON or date functions, IFNULL, IIF, group_concat, printf, PRAGMA, sqlite_, NOCASE,\n";
print "  LIMIT -1, AUTOINCREMENT, FTS tables; no fz_db_last_id\n";
if ($bad) {
	print STDERR "check-sql: $bad violation(s)\n";
	exit 1;
}
print "check-sql: ok\n";
' $files
