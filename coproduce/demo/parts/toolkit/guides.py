"""The words of the demo toolkit's five guides, drawn from the council's own notes on its
action learning set, its Open Space, its street talks for the food plan and its Good for
Nothing weekends. Written for a reading age of 9 (tested in demo/tests/test_parts_toolkit.py).

Each guide is (slug, topic, title, summary, body, later edit or None). The later edit is
(note, body) and makes a second version, so the demo guides have a history to look at.
"""

ACTION_LEARNING = """\
An action learning set is a small group that meets once a month. People bring a real job they
are stuck on. The group helps them find a way through.

Our set is for staff and for people from outside the council. Bring a friend. The more of us
there are, the more we learn.

## Before you meet

- Pick a day and a room. Book it for two and a half hours.
- Ask who has a job they want help with. Two or three jobs is plenty.
- Ask each owner to sum up their job in a few lines.
- Make tea. People talk more when they feel at home.

## On the day

Split into small groups. Give each group one job. Use a big sheet of paper with four parts.

1. Who is it for? Write down each group of people the job will touch.
2. What do we have? Write down the help, rooms, skills and cash we know of.
3. What will we do? Make a short plan. Each step needs a name and a date.
4. What is in the way? Write down each thing that could stop us.

Keep to time. Spend about half the time on one theme. Spend the rest on what went well and what
did not.

## After you meet

Write up the plan and share it the same week. At the next meeting, ask each owner to report
back. Did they do what they said? Did they bust a barrier? How?

Put each barrier in the barrier list on this site. When one set beats a barrier, the next set
can learn how.

## Tips

- Do not have a fixed plan for the day. Let the group choose.
- Ask one person to keep time.
- Thank people for what they share, even when it did not work.
"""

ACTION_LEARNING_EDIT = (
    "Added a tip on who should come.",
    ACTION_LEARNING.replace(
        "- Thank people for what they share, even when it did not work.\n",
        "- Thank people for what they share, even when it did not work.\n"
        "- Ask the people the job is for to come too. They know what works.\n",
    ),
)

OPEN_SPACE = """\
Open Space is a way to run a meeting with no fixed plan. The people who come set the plan on the
day. It works best when lots of people care about one big question.

## The four rules

1. Whoever comes are the right people.
2. Whatever happens is the only thing that could have.
3. When it starts is the right time.
4. When it is over, it is over.

There is one law too. If you are not learning or helping, go where you can. We call it the law
of two feet. It is fine to walk from one talk to the next.

## Before you meet

- Choose one clear question. For example: how can we share space in our town?
- Find a big room with lots of chairs, and some small spaces to talk in.
- Put up a blank wall with times and places on it.
- Tell people there is no plan. They bring the plan.

## On the day

1. Sit in one big ring. Say the question and the rules.
2. Ask anyone with a topic to write it on a sheet and read it out.
3. They stick it on the wall in a time and a place.
4. People go to the talks they care about.
5. The person who raised each topic makes sure notes get taken.
6. Come back to the ring at the end. Ask what people will do next.

## After you meet

Type up every set of notes the same day if you can. Share them with all who came. Ask each group
who will take their next step.
"""

STREET = """\
A street talk is a quick chat with people where they are. You go out to the street, the market
or a stall. You ask one or two short questions. You write down what people say.

It helps you hear from people who would never come to a meeting. We used it to plan how the
borough grows and shares food.

## Before you go

- Choose one or two short questions. For example: what would make it easy to eat well here?
- Pick a busy place and a good time. Ask the shop or the market first.
- Take a big sheet, pens, a clip board and a sign that says who you are.
- Go in twos. One person talks, one person writes.

## On the street

1. Smile and say who you are and why you are there.
2. Ask your question. Then listen.
3. Write down what they say, in their own words.
4. Do not ask for a name. You can ask their age group and where they live, if they are happy to
say.
5. Say thank you. Tell them where they can see what happens next.

You can note what people say on your phone on this site. It keeps working with a poor signal.
You can also print a sheet and use a pen.

## After the day

Read all that people said. Group it into themes. Count how many said each thing. Share what you
heard, with the people you asked if you can. Say what you will do about it.
"""

GOOD_FOR_NOTHING = """\
A Good for Nothing weekend brings people with skills together to work on real local jobs, for
free. They spend two days doing, not talking. It is fun and a lot gets done.

## Before the weekend

- Pick three or four jobs. Each needs a clear owner who will carry it on after.
- Say up front what is fixed and what is open. People need to see how they can help.
- Do not set so many rules that new ideas cannot get in.
- Tell people far and wide. Use local groups and notice boards, not just the web.
- Think of what helps people come, like a crèche or food.

## On the weekend

1. Start with a short talk from each job owner.
2. People pick a job and form a team. Vote with your feet.
3. Teams make things: a site, a plan, a poster, a test.
4. Go out and talk to the people the job is for. Do not stay in the room.
5. Show what you made at the end of each day.

## After the weekend

The owner takes the work on. The council should be one of the owners, but not the only one. Keep
in touch with the team. Meet up once a month to keep going. Less talk, more doing.
"""

PLAIN_LANGUAGE = """\
Plain words help people know what you mean the first time they read it. Aim for a reading age of
9. That is how GOV.UK writes. Most people like it, and those who find reading hard need it.

## How to write plainly

- Use short words. Say help, not assist. Say use, not utilise.
- Keep sentences short. Aim for 15 words or fewer.
- Say one thing in each sentence.
- Say you and we. Talk to the reader.
- Put the most important thing first.
- Use lists when you have steps or a lot of points.
- Write out short forms in full.

## Words to swap

- Instead of coproduce, say work with people to make it.
- Instead of stakeholders, say the people it affects.
- Instead of facilitate, say run or help.
- Instead of embed, say make part of.

## Check your words

1. Read it out loud. If you run out of breath, cut the sentence.
2. Ask someone who does not know the topic to read it.
3. Use the help on this site. It shows the reading age as you type.

If you cannot say it simply, you may not know what you want to say yet. Talk it through with
someone first.
"""

GUIDES = [
    (
        "run-an-action-learning-set",
        "action_learning",
        "How to run an action learning set",
        "Meet once a month to help each other with real jobs.",
        ACTION_LEARNING,
        ACTION_LEARNING_EDIT,
    ),
    (
        "run-an-open-space",
        "open_space",
        "How to run an Open Space",
        "A meeting where the people who come set the plan.",
        OPEN_SPACE,
        None,
    ),
    (
        "run-a-street-talk",
        "street",
        "How to run a street talk",
        "Go out and ask people what they think, where they are.",
        STREET,
        None,
    ),
    (
        "run-a-good-for-nothing-weekend",
        "good_for_nothing",
        "How to run a Good for Nothing weekend",
        "Two days of doing, with people who give their skills for free.",
        GOOD_FOR_NOTHING,
        None,
    ),
    (
        "write-in-plain-words",
        "plain_language",
        "How to write in plain words",
        "Write so that most people can read it the first time.",
        PLAIN_LANGUAGE,
        None,
    ),
]
