from coproduce.common.columns import HEIGHT, column_chart


def test_columns_are_as_tall_as_their_share_of_the_largest():
    chart = column_chart([("Jan", 10), ("Feb", 5), ("Mar", 0)])
    tall, half, empty = chart.columns
    assert tall.height == HEIGHT and half.height == HEIGHT / 2 and empty.height == 0
    assert tall.y + tall.height == chart.baseline == half.y + half.height
    assert [c.shown for c in chart.columns] == ["10", "5", "0"]
    assert tall.x < half.x < empty.x


def test_a_hidden_number_is_written_as_given_with_no_column():
    chart = column_chart([("Jan", 0, "fewer than 5"), ("Feb", 12)])
    assert chart.columns[0].shown == "fewer than 5" and chart.columns[0].height == 0
    assert chart.columns[1].height == HEIGHT


def test_many_columns_make_the_chart_wider_not_narrower():
    assert column_chart([(str(n), n) for n in range(30)]).width > 720
    assert column_chart([]).columns == []
