-- Reviews, social mentions and the comments left with survey answers are customer texts too: their
-- feelings join the interactions'.
ALTER TABLE feelings DROP CONSTRAINT feelings_subject_type_check;
ALTER TABLE feelings ADD CONSTRAINT feelings_subject_type_check
  CHECK (subject_type IN ('interaction', 'review', 'survey_answer'));
