META
key;value
description;Small hand-made round
num_projects;3
num_votes;9
budget;100.0
vote_type;approval
rule;greedy
PROJECTS
project_id;cost;votes;name;selected
1;60;4;Playground;1
2;50;3;"Benches; and bins";0
3;40;2;Trees;1
VOTES
voter_id;vote
v1;1,2
v2;1,2
v3;1,2
v4;1
v5;3
v6;3
v7;
v8;
v9;
