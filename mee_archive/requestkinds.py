"""What a request is for, as the spiders mark it in ``Request.meta``; components read the marks.

The spiders know what they ask for; the fetch policy (which hosts, how large) and the failure
report (a robots-forbidden release is a loss, a robots-forbidden image is not) need to know it too.
"""

# A page a list named: its loss (robots.txt included) is a named failure of the run.
LISTED = "mee_listed"
# A page requisite (image, attachment): it may live on the hosts MEE_REQUISITE_HOSTS adds and be
# as large as MEE_MAX_REQUISITE_SIZE.
REQUISITE = "mee_requisite"
# An archived requisite asked for again with a conditional request (the validators of its last
# answer): a 304 is archived as a server-not-modified revisit, a change in full.
REVALIDATE = "mee_revalidate"
