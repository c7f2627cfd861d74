<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BudgetPage</name>
    <message numerus="yes">
        <source>%n expense(s)</source>
        <translation>
            <numerusform>%n expense</numerusform>
            <numerusform>%n expenses</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BudgetTexts</name>
    <message numerus="yes">
        <source>the check was due %n day(s) ago</source>
        <translation>
            <numerusform>the check was due %n day ago</numerusform>
            <numerusform>the check was due %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n control point(s) need(s) attention:</source>
        <translation>
            <numerusform>%n control point needs attention:</numerusform>
            <numerusform>%n control points need attention:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more.</source>
        <translation>
            <numerusform>and %n more.</numerusform>
            <numerusform>and %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing is left for the remaining %n day(s): stop spending.</source>
        <translation>
            <numerusform>Nothing is left for the remaining day: stop spending.</numerusform>
            <numerusform>Nothing is left for the remaining %n days: stop spending.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To stay within the limit: at most {amount} a day for the remaining %n day(s).</source>
        <translation>
            <numerusform>To stay within the limit: at most {amount} for the remaining day.</numerusform>
            <numerusform>To stay within the limit: at most {amount} a day for the remaining %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) without a budget.</source>
        <translation>
            <numerusform>%n action without a budget.</numerusform>
            <numerusform>%n actions without a budget.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message numerus="yes">
        <source>%n goal(s)</source>
        <translation>
            <numerusform>%n goal</numerusform>
            <numerusform>%n goals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GoalsPage</name>
    <message numerus="yes">
        <source>Measurements (%n)</source>
        <translation>
            <numerusform>Measurements (%n)</numerusform>
            <numerusform>Measurements (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Actions (%n)</source>
        <translation>
            <numerusform>Actions (%n)</numerusform>
            <numerusform>Actions (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message numerus="yes">
        <source>%n new expense(s)</source>
        <translation>
            <numerusform>%n new expense</numerusform>
            <numerusform>%n new expenses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in the plan</source>
        <translation>
            <numerusform>%n already in the plan</numerusform>
            <numerusform>%n already in the plan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new month(s) of results</source>
        <translation>
            <numerusform>%n new month of results</numerusform>
            <numerusform>%n new months of results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to update</source>
        <translation>
            <numerusform>%n to update</numerusform>
            <numerusform>%n to update</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n unchanged</numerusform>
            <numerusform>%n unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) cannot be imported, so nothing will be imported. Fix the file, or import the valid rows only.</source>
        <translation>
            <numerusform>%n line cannot be imported, so nothing will be imported. Fix the file, or import the valid rows only.</numerusform>
            <numerusform>%n lines cannot be imported, so nothing will be imported. Fix the file, or import the valid rows only.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n expense(s)</source>
        <translation>
            <numerusform>Imported %n expense</numerusform>
            <numerusform>Imported %n expenses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were already in the plan</source>
        <translation>
            <numerusform>%n was already in the plan</numerusform>
            <numerusform>%n were already in the plan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported results: %n new month(s)</source>
        <translation>
            <numerusform>Imported results: %n new month</numerusform>
            <numerusform>Imported results: %n new months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bad line(s) left out</source>
        <translation>
            <numerusform>%n bad line left out</numerusform>
            <numerusform>%n bad lines left out</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message numerus="yes">
        <source>%n day(s) late</source>
        <translation>
            <numerusform>%n day late</numerusform>
            <numerusform>%n days late</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Due {date}, %n day(s) ago</source>
        <translation>
            <numerusform>Due {date}, %n day ago</numerusform>
            <numerusform>Due {date}, %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show all (%n)</source>
        <translation>
            <numerusform>Show all (%n)</numerusform>
            <numerusform>Show all (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n off track</source>
        <translation>
            <numerusform>%n off track</numerusform>
            <numerusform>%n off track</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reached</source>
        <translation>
            <numerusform>%n reached</numerusform>
            <numerusform>%n reached</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s)</source>
        <translation>
            <numerusform>%n goal</numerusform>
            <numerusform>%n goals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n lead</numerusform>
            <numerusform>%n leads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n channel</numerusform>
            <numerusform>%n channels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackDialog</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) sent to the printer.</source>
        <translation>
            <numerusform>%n page sent to the printer.</numerusform>
            <numerusform>%n pages sent to the printer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuadrantPanel</name>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n card</numerusform>
            <numerusform>%n cards</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TacticsPage</name>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s)</source>
        <translation>
            <numerusform>%n action</numerusform>
            <numerusform>%n actions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 actions shown</source>
        <translation>
            <numerusform>%n of %1 actions shown</numerusform>
            <numerusform>%n of %1 actions shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n time</numerusform>
            <numerusform>%n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeeklyPage</name>
    <message numerus="yes">
        <source>%n task(s) have no actual hours.</source>
        <translation>
            <numerusform>%n task has no actual hours.</numerusform>
            <numerusform>%n tasks have no actual hours.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n target metric(s) have no actual value (tick “Not measured” where there is none).</source>
        <translation>
            <numerusform>%n target metric has no actual value (tick “Not measured” where there is none).</numerusform>
            <numerusform>%n target metrics have no actual value (tick “Not measured” where there is none).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) name no end product.</source>
        <translation>
            <numerusform>%n task names no end product.</numerusform>
            <numerusform>%n tasks name no end product.</numerusform>
        </translation>
    </message>
</context>
</TS>
