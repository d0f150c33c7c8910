from coproduce.toolkit import markup


def test_headings_lists_and_paragraphs_become_blocks():
    """Each kind of line makes its own block, in order; a blank line ends a list."""
    text = "Intro line one\nline two\n\n## Steps\n1. Ask\n2. Listen\n\n- tea\n- cake\n\nEnd."
    kinds = [(b.kind, len(b.items)) for b in markup.blocks(text)]
    assert kinds == [
        ("paragraph", 1),
        ("heading", 1),
        ("steps", 2),
        ("bullets", 2),
        ("paragraph", 1),
    ]
    assert markup.blocks(text)[0].items[0] == [("Intro line one line two", "")]


def test_only_web_addresses_become_links_and_html_stays_text():
    """https addresses link; tags and javascript: addresses are left as words."""
    text = "See https://example.org/a. <script>x</script> javascript:alert(1)"
    (block,) = markup.blocks(text)
    links = [href for _text, href in block.items[0] if href]
    assert links == ["https://example.org/a"]
    assert "<script>" in "".join(t for t, _h in block.items[0])


def test_a_line_under_a_list_item_carries_it_on():
    """An unmarked line straight after an item joins that item."""
    (block,) = markup.blocks("- first part\nsecond part\n- next")
    assert ["".join(t for t, _h in item) for item in block.items] == [
        "first part second part",
        "next",
    ]


def test_plain_text_ends_every_item_as_a_sentence():
    """Headings and list items count as sentences for the reading age."""
    assert markup.plain_text("## Plan\n- Tea\n- Talk!") == "Plan.\nTea.\nTalk!"
