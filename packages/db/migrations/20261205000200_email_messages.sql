-- A message an agent wrote to the customer of a case (the drafted acknowledgement, edited), emailed
-- through the workspace's SMTP server and logged on the timeline.
ALTER TABLE emails DROP CONSTRAINT emails_kind_check;
ALTER TABLE emails ADD CONSTRAINT emails_kind_check
  CHECK (kind IN ('csat', 'status_link', 'survey', 'message', 'test'));
