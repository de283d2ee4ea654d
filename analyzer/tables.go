package analyzer

import "strings"

// noLink marks an indicator that must not be linked by position: it stood
// in a column table whose goal and indicator columns did not pair up.
const noLink = -2

// colTable is a table read column by column: a column name, its cells as
// blocks, the next column name, and so on. Row k of every column belongs
// together.
type colTable struct {
	section   int
	role      string // role of the column being read: mal, ind, typ, other
	idx       int    // row of the cell being read in that column
	lastBlock int
	typSeen   int     // cells of the current typ block already read
	goalOf    []int   // row -> index into reader.goals, -1 when not a goal
	indsOf    [][]int // row -> indices into reader.inds
}

// readColumn handles a unit while a column table is open. It returns
// false when the unit ends the table (a heading, a new section).
func (r *reader) readColumn(u int) bool {
	d := r.d
	un := &d.units[u]
	ct := r.ct
	if un.kind == uColumn {
		ct.role, ct.idx, ct.lastBlock = columnRole(d.unitText(u)), -1, -1
		if ct.role == "other" && sourceColumn(d.unitText(u)) {
			ct.role = "source"
		}
		return true
	}
	if un.kind == uHeading || un.kind == uTOC || un.section != ct.section {
		r.finishColumns()
		return false
	}
	newBlock := un.block != ct.lastBlock
	if newBlock {
		ct.idx++
		ct.lastBlock = un.block
		ct.typSeen = 0
	}
	switch ct.role {
	case "mal":
		if newBlock {
			for len(ct.goalOf) <= ct.idx {
				ct.goalOf = append(ct.goalOf, -1)
			}
			end := d.blockEnd(u)
			if !d.spanFires(u, un.start, un.end, d.cb.notGoal) {
				r.goals = append(r.goals, found{unit: u, start: un.start, end: end, horizon: d.horizon(u, un.start, end, r.year), rowGoal: -1})
				ct.goalOf[ct.idx] = len(r.goals) - 1
			}
		}
	case "ind":
		for len(ct.indsOf) <= ct.idx {
			ct.indsOf = append(ct.indsOf, nil)
		}
		if !d.spanFires(u, un.start, un.end, d.cb.notIndicator) {
			r.inds = append(r.inds, found{unit: u, start: un.start, end: un.end, typ: d.spanType(u, un.start, un.end), rowGoal: noLink})
			ct.indsOf[ct.idx] = append(ct.indsOf[ct.idx], len(r.inds)-1)
		}
	case "typ":
		r.readTypeCell(u)
	case "source":
		d.setSource(u, un.start, un.end)
	}
	return true
}

// readTypeCell reads a cell of a "Typ" column: the types the plan gives
// its indicators ("Process", "Struktur"), one a line, in the order of the
// indicators of the same row.
func (r *reader) readTypeCell(u int) {
	d, ct := r.d, r.ct
	if ct.idx >= len(ct.indsOf) {
		return
	}
	un := &d.units[u]
	for _, ln := range strings.Split(d.pages[un.page].text[un.start:un.end], "\n") {
		typ := ""
		switch low := strings.ToLower(ln); {
		case strings.Contains(low, "struktur"):
			typ = "struktur"
		case strings.Contains(low, "process"):
			typ = "process"
		case strings.Contains(low, "resultat"):
			typ = "resultat"
		}
		if typ == "" {
			continue
		}
		if ct.typSeen < len(ct.indsOf[ct.idx]) {
			r.inds[ct.indsOf[ct.idx][ct.typSeen]].typ = typ
		}
		ct.typSeen++
	}
}

// finishColumns links the rows of a column table when its goal and
// indicator columns have the same number of cells.
func (r *reader) finishColumns() {
	ct := r.ct
	r.ct = nil
	if ct == nil || len(ct.goalOf) != len(ct.indsOf) {
		return
	}
	for k, inds := range ct.indsOf {
		for _, i := range inds {
			r.inds[i].rowGoal = ct.goalOf[k]
		}
	}
}

// blockEnd returns the end (byte offset) of the block that unit u starts,
// on u's page.
func (d *doc) blockEnd(u int) int {
	un := &d.units[u]
	end := un.end
	for v := u + 1; v < len(d.units) && d.units[v].block == un.block && d.units[v].page == un.page; v++ {
		end = d.units[v].end
	}
	return end
}

// readStream handles a unit after a header row ("Mål | Indikator | Källa")
// whose cells follow as separate blocks, row by row. It returns false
// when the unit does not continue the table.
func (r *reader) readStream(u int) bool {
	d, th := r.d, r.th
	un := &d.units[u]
	if un.kind == uHeading || un.kind == uColumn || un.kind == uTOC || un.section != th.section {
		return false
	}
	if un.block == th.lastBlock {
		return true // a further sentence of a cell already read
	}
	th.lastBlock = un.block
	th.pos++
	col := th.pos % th.cells
	end := d.blockEnd(u)
	switch col {
	case th.goalCol:
		_, stmt := d.fires(u, d.cb.goalStatement)
		if !stmt || d.spanFires(u, un.start, end, d.cb.notGoal) {
			return false
		}
		r.goals = append(r.goals, found{unit: u, start: un.start, end: end, horizon: d.horizon(u, un.start, end, r.year), rowGoal: -1})
		th.rowGoal = len(r.goals) - 1
	case th.indCol:
		if !d.spanFires(u, un.start, end, d.cb.notIndicator) {
			r.inds = append(r.inds, found{unit: u, start: un.start, end: end, typ: d.spanType(u, un.start, end), rowGoal: th.rowGoal})
		}
	default:
		if containsInt(th.srcCols, col) {
			d.setSource(u, un.start, end)
		}
	}
	return true
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
