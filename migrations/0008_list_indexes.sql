-- Indexes that let list pages read one page instead of sorting a whole province's tenant
-- (measured in docs/benchmarks.md, "API at scale": 10,000 villages, 60,000 people).
CREATE INDEX org_units_list_idx ON org_units (county_id, level, length(path), sort_order, code);
CREATE INDEX people_list_idx ON people (county_id, org_path, name, id);
