<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>GoalsPage</name>
    <message numerus="yes">
        <source>Measurements (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Actions (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
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
