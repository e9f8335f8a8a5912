"""Templates: the company's reusable campaign content and their links to campaigns."""
