"""Stories of what worked, told by residents (issue 18, item 1).

Moderation: a new or changed story waits for a moderator before anyone else sees it
(discussion's waiting queue, as conversation statements do), and once published it can be
reported and hidden like a comment or a place photo (discussion's report targets). Comments
are published at once and reported afterwards; stories are checked first because they carry
more than a comment does: a photo that may show people, a place, and names of others under
"who helped". Any change by the teller sends a published story back to the queue.
"""
