package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/plankoll/plankoll/analyzer/compare"
	"github.com/plankoll/plankoll/corpus"
	"github.com/plankoll/plankoll/corpus/ingest"
	"github.com/plankoll/plankoll/corpus/store"
)

// requiredYear reads a year parameter that must be given.
func (s *Server) requiredYear(c echo.Context, name string) (int, error) {
	now := s.now()
	v := c.QueryParam(name)
	if v == "" {
		return 0, corpus.Errorf(corpus.EInvalidYear, "The parameter %s (a plan year) is missing.", name)
	}
	return ingest.ParseYear(v, now)
}

// compareByLan compares a county's (or municipality's) plans of two years,
// like with like (compare.Pick).
func (s *Server) compareByLan(c echo.Context) error {
	ctx := c.Request().Context()
	from, err := s.requiredYear(c, "from")
	if err != nil {
		return err
	}
	to, err := s.requiredYear(c, "to")
	if err != nil {
		return err
	}
	lan := c.QueryParam("lan")
	plans, err := s.Store.Plans(ctx, store.Filter{})
	if err != nil {
		return err
	}
	if v := c.QueryParam("kommun"); v != "" {
		k, err := corpus.ParseKommun(v)
		if err != nil {
			return err
		}
		// Pick compares county plans; a municipality's plans are given
		// to it as if they were its county's.
		var own []corpus.Plan
		for _, p := range plans {
			if p.KommunCode == k.Code {
				p.Kommun = ""
				own = append(own, p)
			}
		}
		plans, lan = own, corpus.LanForKommun(k).Code
	}
	a, b, err := compare.Pick(plans, lan, from, to, c.QueryParam("audience"))
	if err != nil {
		return err
	}
	return s.comparePlanIDs(c, a.ID, b.ID)
}

func (s *Server) comparePlans(c echo.Context) error {
	return s.comparePlanIDs(c, c.Param("id"), c.Param("other"))
}

func (s *Server) comparePlanIDs(c echo.Context, a, b string) error {
	ctx := c.Request().Context()
	inA, err := s.Store.PlanInput(ctx, a)
	if err != nil {
		return err
	}
	inB, err := s.Store.PlanInput(ctx, b)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, compare.Plans(inA, inB))
}
