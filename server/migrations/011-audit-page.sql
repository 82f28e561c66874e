-- The product's page a profile was seen on ("ticket:4821"), when the extension knew it: part of the entry's hash.
alter table audit_entries add column page text;
