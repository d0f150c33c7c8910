"""Rate limits on whatever emails or notifies someone: each feature adds its own line."""

# Limits on what emails or notifies someone ----------------------------------------------
# "how many/period" (s, m, h or d), per account (or network address when not signed in)
# unless the name says otherwise; over the limit the person sees a 429 page saying when to
# try again, and nothing is sent (coproduce/common/limits.py).
RATE_LIMITS = {
    "sign_up": "5/h",  # per network address
    "sign_up_address": "3/h",  # per email address: a taken one emails its owner
    "password_reset": "3/h",  # per email address asked for
    "password_reset_ip": "10/h",
    "confirmation_resend": "3/h",  # per email address asked for
    "confirmation_resend_ip": "10/h",
    # Confirming a subscription to a bucket of information, without an account.
    "subscribe_confirm": "3/h",  # per email address
    "subscribe_confirm_ip": "10/h",
    "email_change": "3/h",
    # A backstop for everyone, officers included; residents also have a smaller daily
    # allowance shown on the page (MATCHING_INVITATIONS_PER_DAY, coproduce/matching/permissions).
    "matching_invite": "50/d",
    "owner_invite": "10/d",  # project owners, event helpers and group organisers, per inviter
    "booking_request": "10/h",
    "booking_manager_email": "6/h",  # per manager: more requests wait in their queue
    "comment": "30/h",
    "report": "10/h",
    "rsvp": "20/h",
    "agenda_item": "10/h",
    "transfer_request": "20/h",
    # Owners and organisers confirming time credits for the people who helped.
    "time_credit": "100/h",
    "champion_message": "5/h",  # per sender, messages to street champions
    # Officers: a news post's test email to themselves, and publishing or scheduling posts.
    "news_test_send": "10/h",
    "news_publish": "30/d",
    "buddy_request": "5/d",
    "buddy_offer": "10/d",
    "item_reply": "20/h",
    "item_reserve": "10/h",
    "group_join": "10/h",
    "contribution": "20/h",
    "unloved_space": "10/d",
    "data_export": "3/d",  # downloads of your own data, per person
    "proposal_check": "200/h",  # per officer; each check tells the proposer
    "round_result": "10/h",  # per officer; each result invites the winners' proposers
    "message_send": "20/h",  # per sender; each message tells the others in the thread
    "feedback_give": "10/h",  # feedback on services, per account or network address
    "feedback_answer": "60/h",  # per service owner; a private answer may tell the person
    "feedback_answer_email": "5/d",  # per email address given with feedback
    "shopping_notify": "200/d",  # per officer: visits given out, expenses decided, results sent
    "yousaid_owner_invite": "20/d",  # per officer asking others to own council responses
    "yousaid_reminder": "20/d",  # per owner: reminders of council responses due or overdue
    "panel_invite": "50/d",  # per officer; each invitation to a service choice panel tells someone
    "councillor_offer": "30/d",  # per officer; each asks a person to accept a seat
    "councillor_question": "5/d",  # per resident; each question tells the councillor
    "councillor_question_notice": "30/d",  # per councillor's seat; later questions wait quietly
    "councillor_answer": "60/h",  # per councillor; each first answer tells the asker
    "story_tell": "20/d",  # per resident: stories told or changed, each waits for a moderator
    "api_token_make": "10/d",  # per officer: new API tokens
    "api_write": "300/h",  # per officer: every write through the API with a token
}
# Inviting the same person to the same need again (after a withdrawal) within this period
# reopens the invitation without a second email.
MATCHING_REINVITE_QUIET_PERIOD = "30d"
