"""Groups apply for grants themselves: the public form, drafts and status pages by emailed link, eligibility."""
