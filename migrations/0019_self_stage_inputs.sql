-- The self-evaluation as a stage of the rating: a computation keeps the self stage's points it
-- rated (the approved self-evaluations, by indicator) with the other kept inputs, so that
-- `fivestar reproduce` rates the same points after a self-evaluation is sent back or approved
-- again. Rows kept before this rated no self points, which the empty default says.
ALTER TABLE campaign_rating_inputs ADD COLUMN self_scores jsonb NOT NULL DEFAULT '{}'::jsonb;
