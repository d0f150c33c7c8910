"""The words of the demo toolkit's two short courses, each step with a check at its end.
Written for a reading age of 9 (tested in demo/tests/test_parts_toolkit.py).

A course is (slug, title, summary, steps); a step is (title, body, question, options); an
option is (answer, is it right, what the person is told when they choose it).
"""

TEN_MINUTES = (
    "coproduction-in-10-minutes",
    "Coproduction in 10 minutes",
    "What it means to work with people, not just for them. Four short steps.",
    [
        (
            "What it means",
            "To coproduce is to make something with the people it is for. The council does not "
            "plan it alone and then ask what people think. People help from the start.\n\n"
            "They help choose what to do. They help make it. They help check it works.",
            "What is the main idea?",
            [
                (
                    "The council makes a plan, then asks people what they think.",
                    False,
                    "Not quite. Asking at the end is not the same. People help from the start.",
                ),
                (
                    "People help make it from the start.",
                    True,
                    "Yes. People it is for help choose, make and check it.",
                ),
                (
                    "People do the work so the council does not have to.",
                    False,
                    "Not quite. The council still helps. It is work done side by side.",
                ),
            ],
        ),
        (
            "Say what is fixed and what is open",
            "People need to see how they can help. So say up front what is fixed, like the cash "
            "or the dates. Say what is open, where people can shape it.\n\n"
            "Do not fix too much. If there are too many rules, new ideas cannot get in.",
            "Why say what is fixed before you start?",
            [
                (
                    "So people can see how they can help.",
                    True,
                    "Yes. Clear limits show people where they can make a change.",
                ),
                (
                    "So nobody can change the plan.",
                    False,
                    "Not quite. Some things must stay open, or new ideas cannot get in.",
                ),
                (
                    "It does not matter.",
                    False,
                    "It does. People give up when they cannot see how to help.",
                ),
            ],
        ),
        (
            "Go out and talk to people",
            "The people who come to a meeting are not the only ones who count. Go out. Talk to "
            "people on the street, at a stall or in a cafe. Ask short questions and listen.\n\n"
            "This way the plan fits lots of kinds of people, not just those in the room.",
            "Who should you talk to?",
            [
                (
                    "Only the people who come to meetings.",
                    False,
                    "Not quite. Many people never come to meetings. Go to them.",
                ),
                (
                    "People in the room and people out of it.",
                    True,
                    "Yes. Going out helps the plan fit more people.",
                ),
            ],
        ),
        (
            "Keep it going",
            "One good day is not enough. Someone has to carry the work on. It works best when "
            "a few people and groups share it. The council should be one of them.\n\n"
            "Say what you did with what people told you. We call this you said, we did.",
            "Who should carry the work on after the first day?",
            [
                (
                    "Only the council.",
                    False,
                    "Not quite. It works best when a few people and groups share it.",
                ),
                (
                    "Nobody. The day was the job.",
                    False,
                    "Not quite. Without someone to carry it on, it will stop.",
                ),
                (
                    "A few people and groups, with the council as one of them.",
                    True,
                    "Yes. Shared work keeps going when one person is busy.",
                ),
            ],
        ),
    ],
)

LEARNING_SET = (
    "running-an-action-learning-set",
    "Running an action learning set",
    "How to run a monthly meeting where people help each other with real jobs.",
    [
        (
            "What a set is for",
            "An action learning set is a small group that meets each month. People bring a "
            "real job they are stuck on. The group helps them find a way through.\n\n"
            "It is a safe place to say what has not worked, as well as what has.",
            "What do people bring to a set?",
            [
                (
                    "A talk they have made.",
                    False,
                    "Not quite. A set is for real jobs people are stuck on, not talks.",
                ),
                (
                    "A real job they are stuck on.",
                    True,
                    "Yes. The group helps them find a way through.",
                ),
            ],
        ),
        (
            "The four parts",
            "Use a big sheet with four parts for each job.\n\n"
            "1. Who is it for?\n"
            "2. What do we have?\n"
            "3. What will we do?\n"
            "4. What is in the way?",
            "Which of these is one of the four parts?",
            [
                (
                    "How much will it cost?",
                    False,
                    "Not quite. Cost goes under what we have. Look at the four parts again.",
                ),
                (
                    "What is in the way?",
                    True,
                    "Yes. We call these barriers. Naming them is the first step to beat them.",
                ),
                (
                    "Who is to blame?",
                    False,
                    "No. A set is about what to do next, not who to blame.",
                ),
            ],
        ),
        (
            "Plans with names and dates",
            "Each step in the plan needs a name and a date. Who will do it, and by when? A "
            "step with no name does not get done.",
            "What does each step in the plan need?",
            [
                (
                    "A name and a date.",
                    True,
                    "Yes. Then we all know who will do it, and by when.",
                ),
                (
                    "A vote.",
                    False,
                    "Not quite. The group can talk it through, but a step needs a name and a date.",
                ),
            ],
        ),
        (
            "Report back",
            "At the next meeting, each owner says how it went. Did they do what they said? Did "
            "they beat a barrier? How?\n\n"
            "Write down how each barrier was beaten. The next set can learn from it.",
            "Why write down how a barrier was beaten?",
            [
                (
                    "So the next set can learn from it.",
                    True,
                    "Yes. One set's fix can help lots of others.",
                ),
                (
                    "So we can mark the owner.",
                    False,
                    "No. It is not a test. It is to share what works.",
                ),
                (
                    "There is no need to.",
                    False,
                    "There is. If we do not write it down, the fix is lost.",
                ),
            ],
        ),
    ],
)

COURSES = [TEN_MINUTES, LEARNING_SET]
