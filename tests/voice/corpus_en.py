"""English corpus: utterance | expected parse (format in tests/voice/spec.py)."""

# (spoken name, target spec) for the simulator's en fleet.
FLEET = (
    ("Living Room AC", "livingroomac:ac@living_room"),
    ("Bedroom AC", "bedroomac:ac@bedroom"),
    ("Refrigerator", "refrigerator:fridge"),
    ("Kimchi Fridge", "kimchifridge:kimchi"),
    ("Washer", "washer:washer"),
    ("Dryer", "dryer:dryer"),
    ("Dishwasher", "dishwasher:dish"),
    ("Air Purifier", "airpurifier:purifier"),
    ("Robot Vacuum", "robotvacuum:robot"),
    ("Oven", "oven:oven"),
    ("Styler", "styler:styler"),
    ("Dehumidifier", "dehumidifier:dehum"),
)
RUNNERS = FLEET[4:7] + FLEET[8:11]

ON_FORMS = (
    "turn on the {}",
    "turn the {} on",
    "switch on the {}",
    "please turn on the {}",
    "could you turn on the {}?",
    "power on the {}",
    "{} on",
    "can you switch the {} on please",
)
OFF_FORMS = (
    "turn off the {}",
    "turn the {} off",
    "switch off the {}",
    "please turn off the {}",
    "would you turn off the {}?",
    "power off the {}",
    "{} off",
    "shut off the {}",
)
START_FORMS = ("start the {}", "run the {}", "please start the {}", "{} start", "could you start my {}?")
STOP_FORMS = ("stop the {}", "halt the {}", "please stop the {}", "{} stop", "cancel the {}")


def _generated() -> list[tuple[str, str]]:
    cases: list[tuple[str, str]] = []
    for index, (name, target) in enumerate(FLEET):
        for offset in range(4):
            on = ON_FORMS[(index + offset * 2) % len(ON_FORMS)]
            off = OFF_FORMS[(index + offset * 2 + 1) % len(OFF_FORMS)]
            spoken = name if offset % 2 else name.lower()
            cases.append((on.format(spoken), f"turn_on {target}"))
            cases.append((off.format(spoken), f"turn_off {target}"))
    for index, (name, target) in enumerate(RUNNERS):
        for offset in range(2):
            cases.append((START_FORMS[(index + offset) % len(START_FORMS)].format(name), f"start {target}"))
            cases.append((STOP_FORMS[(index + offset * 3) % len(STOP_FORMS)].format(name), f"stop {target}"))
    return cases


WRITTEN = """
hey google turn on the living room ac | turn_on livingroomac:ac@living_room
ok google switch off the bedroom ac | turn_off bedroomac:ac@bedroom
alexa start the washer | start washer:washer
hey genie turn off the dryer | turn_off dryer:dryer
Hey Google, turn on the TV. | turn_on tv:tv
okay google | ! empty
turn on the air conditioner | turn_on airconditioner:ac
turn off the A/C | turn_off ac:ac
turn on the aircon | turn_on aircon:ac
turn on the TV | turn_on tv:tv
turn off the television | turn_off television:tv
switch on the fridge | turn_on fridge:fridge
turn on my washing machine | turn_on washingmachine:washer
turn on the humidifier | turn_on humidifier:hum
enable the air purifier | turn_on airpurifier:purifier
disable the air purifier | turn_off airpurifier:purifier
kill the tv | turn_off tv:tv
mute the TV | mute tv:tv v=on
unmute the tv | mute tv:tv v=off
turn the volume up | set_volume - dir=up
turn down the TV volume | set_volume tv:tv dir=down
set the volume to 15 | set_volume - v=15
put on netflix | launch_app - v=netflix
open YouTube on the TV | launch_app tv:tv v=youtube
launch the youtube app | launch_app - v=youtube
put on Disney Plus | launch_app - v=disney_plus
change the channel to 11 | set_channel - v=11
channel 7 | set_channel - v=7
turn the channel up | set_channel - dir=up
turn it on | turn_on : pron
all the ACs off | turn_off ac:ac every
turn off all the air conditioners | turn_off airconditioner:ac every
turn on every ac | turn_on ac:ac every
start both | start : every
turn off both of them | turn_off : every
turn it down a degree | set_temperature : v=1° dir=down pron
fan speed up | set_fan_speed - dir=up
turn the fan speed down | set_fan_speed - dir=down
what can I say to the dryer? | capabilities dryer:dryer
what can the refrigerator do? | capabilities refrigerator:fridge
what should I say to the washer? | capabilities washer:washer
turn it off | turn_off : pron
switch that off | turn_off : pron
turn that one off | turn_off : pron
turn it back on | turn_on : pron
turn on | turn_on -
start the washer in 2 hours | start washer:washer delay=7200
start the washer in two hours | start washer:washer delay=7200
run the dishwasher in 30 minutes | start dishwasher:dish delay=1800
start the dryer in an hour | start dryer:dryer delay=3600
start the dryer in an hour and a half | start dryer:dryer delay=5400
start the dryer in half an hour | start dryer:dryer delay=1800
start the washer in 1 hour 30 minutes | start washer:washer delay=5400
turn off the air purifier in 40 minutes | turn_off airpurifier:purifier delay=2400
turn off the bedroom ac after 2 hours | turn_off bedroomac:ac@bedroom delay=7200
turn off the living room ac 45 minutes from now | turn_off livingroomac:ac@living_room delay=2700
turn the ac off in 10 seconds | turn_off ac:ac delay=10
start the robot vacuum | start robotvacuum:robot
start cleaning | start cleaning:robot
start the laundry | start laundry:washer
run the dishes | start dishes:dish
start the upper oven | start oven:oven/UPPER
start the lower oven | start oven:oven/LOWER
pause the washer | pause washer:washer
pause the dryer please | pause dryer:dryer
pause the robot vacuum | pause robotvacuum:robot
stop the washer for a moment | pause washer:washer
resume the dishwasher | resume dishwasher:dish
continue the washer | resume washer:washer
unpause the dryer | resume dryer:dryer
start the washer again | resume washer:washer
stop the washer | stop washer:washer
cancel the dishwasher | stop dishwasher:dish
send the robot vacuum home | return_to_base robotvacuum:robot
send the robot vacuum back to the dock | return_to_base robotvacuum:robot
robot vacuum go home | return_to_base robotvacuum:robot
return the robot vacuum to its base | return_to_base robotvacuum:robot
dock the robot vacuum | return_to_base robotvacuum:robot
go home | return_to_base -
set the living room ac to 23 degrees | set_temperature livingroomac:ac@living_room v=23°
set the bedroom ac to twenty three degrees | set_temperature bedroomac:ac@bedroom v=23°
set the ac to twenty-three | set_temperature ac:ac v=23
set the ac to 23.5 | set_temperature ac:ac v=23.5
set the ac to twenty three point five | set_temperature ac:ac v=23.5
set the ac to 23 and a half degrees | set_temperature ac:ac v=23.5°
set the ac to 23°C | set_temperature ac:ac v=23°C
set the ac to 74 degrees fahrenheit | set_temperature ac:ac v=74°F
set the ac to 24 celsius | set_temperature ac:ac v=24°C
set the temperature of the living room ac to 22 | set_temperature livingroomac:ac@living_room v=22
set the living room ac temperature to 25 | set_temperature livingroomac:ac@living_room v=25
change the bedroom ac temperature to 26 degrees | set_temperature bedroomac:ac@bedroom v=26°
make the living room ac 21 degrees | set_temperature livingroomac:ac@living_room v=21°
living room ac to 23 | set_temperature livingroomac:ac@living_room v=23
bedroom ac 24 degrees | set_temperature bedroomac:ac@bedroom v=24°
set the temperature to 23 | set_temperature - v=23
set the ac to 100 degrees | set_temperature ac:ac v=100°
set the freezer to minus 20 | set_temperature :fridge/FREEZER v=-20
set the freezer to -18 degrees | set_temperature :fridge/FREEZER v=-18°
set the freezer temperature to negative 19 | set_temperature :fridge/FREEZER v=-19
set the refrigerator freezer to minus twenty | set_temperature refrigerator:fridge/FREEZER v=-20
set the fridge compartment to 3 degrees | set_temperature :fridge/FRIDGE v=3°
set the refrigerator fridge compartment to 4 | set_temperature refrigerator:fridge/FRIDGE v=4
set the kimchi fridge top drawer to minus 2 | set_temperature kimchifridge:kimchi/TOP v=-2
set the kimchi fridge bottom compartment to 1 degree | set_temperature kimchifridge:kimchi/BOTTOM v=1°
set the kimchi fridge middle drawer to 0 | set_temperature kimchifridge:kimchi/MIDDLE v=0
preheat the oven to 350 | set_temperature oven:oven v=350
preheat the oven | start oven:oven
set the upper oven to 350 degrees fahrenheit | set_temperature oven:oven/UPPER v=350°F
set the lower oven to 200 | set_temperature oven:oven/LOWER v=200
raise the temperature by 2 degrees | set_temperature - v=2° dir=up
increase the living room ac temperature by 2 | set_temperature livingroomac:ac@living_room v=2 dir=up
turn up the bedroom ac | set_temperature bedroomac:ac@bedroom dir=up implied
turn the bedroom ac down | set_temperature bedroomac:ac@bedroom dir=down implied
turn the ac down by 2 degrees | set_temperature ac:ac v=2° dir=down
lower the freezer temperature by one degree | set_temperature :fridge/FREEZER v=1° dir=down
decrease the temperature | set_temperature - dir=down
make it warmer | set_temperature : pron dir=up
make the bedroom cooler | set_temperature bedroom:@bedroom dir=down
set the dehumidifier to 50% | set_humidity dehumidifier:dehum v=50%
set the dehumidifier to 45 percent | set_humidity dehumidifier:dehum v=45%
set the dehumidifier humidity to 55 | set_humidity dehumidifier:dehum v=55
set the humidity to fifty percent | set_humidity - v=50%
dehumidifier to 40 | set_humidity dehumidifier:dehum v=40
raise the dehumidifier humidity | set_humidity dehumidifier:dehum dir=up
change the bedroom ac to cool mode | set_mode bedroomac:ac@bedroom v=cool
set the living room ac to heat | set_mode livingroomac:ac@living_room v=heat
switch the ac to dry mode | set_mode ac:ac v=dry
set the ac to fan mode | set_mode ac:ac v=fan
put the ac in auto mode | set_mode ac:ac v=auto
set the ac mode to cooling | set_mode ac:ac v=cool
set the living room ac to dehumidify | set_mode livingroomac:ac@living_room v=dry
turn on cool mode on the bedroom ac | turn_on bedroomac:ac@bedroom ; set_mode bedroomac:ac@bedroom v=cool
put the air purifier in sleep mode | set_mode airpurifier:purifier v=sleep
set the air purifier to auto | set_mode airpurifier:purifier v=auto
set the air purifier to turbo | set_mode airpurifier:purifier v=turbo
set the air purifier to clean mode | set_mode airpurifier:purifier v=air_clean
set the air purifier to quiet mode | set_mode airpurifier:purifier v=silent
set the dehumidifier mode to auto | set_mode dehumidifier:dehum v=auto
set the air purifier fan to high | set_fan_speed airpurifier:purifier v=high
set the fan speed to low on the living room ac | set_fan_speed livingroomac:ac@living_room v=low
set the bedroom ac fan speed to medium | set_fan_speed bedroomac:ac@bedroom v=mid
set the ac fan to auto | set_fan_speed ac:ac v=auto
set the air purifier to max | set_fan_speed airpurifier:purifier v=high
set the air purifier to low | set_fan_speed airpurifier:purifier v=low
turn up the fan on the ac | set_fan_speed ac:ac dir=up
turn on express freeze | express_freeze - v=on
turn off express freeze | express_freeze - v=off
turn on express freezing on the refrigerator | express_freeze refrigerator:fridge v=on
express freeze on | express_freeze - v=on
start quick freeze on the fridge | express_freeze fridge:fridge v=on
open the refrigerator door | open_door refrigerator:fridge
open the fridge | open_door fridge:fridge
close the oven door | close_door oven:oven
shut the fridge door | close_door fridge:fridge
turn on the ac and set it to 23 | turn_on ac:ac ; set_temperature : pron v=23
start the dryer and the styler | start dryer:dryer ; start styler:styler
turn off the washer and the dryer | turn_off washer:washer ; turn_off dryer:dryer
turn off the washer, the dryer and the styler | turn_off washer:washer ; turn_off dryer:dryer ; turn_off styler:styler
turn off the washer then start the dryer | turn_off washer:washer ; start dryer:dryer
turn on the living room ac and turn off the bedroom ac | turn_on livingroomac:ac@living_room ; turn_off bedroomac:ac@bedroom
start the dishwasher and also start the robot vacuum | start dishwasher:dish ; start robotvacuum:robot
is the washer running? | state washer:washer
is the washer running | state washer:washer
what is the washer doing | state washer:washer
what's the dryer doing? | state dryer:dryer
status of the dishwasher | state dishwasher:dish
what's the status of the robot vacuum | state robotvacuum:robot
is the living room ac on? | state livingroomac:ac@living_room
is the bedroom ac off | state bedroomac:ac@bedroom
is the dryer done yet? | state dryer:dryer
is it running? | state : pron
check the styler | state styler:styler
how long until the dryer finishes? | remaining_time dryer:dryer
how much time is left on the washer | remaining_time washer:washer
how long is left on the dishwasher? | remaining_time dishwasher:dish
when will the washer be done? | remaining_time washer:washer
when does the dryer finish | remaining_time dryer:dryer
how many minutes are left on the styler | remaining_time styler:styler
time remaining on the washer | remaining_time washer:washer
what's the temperature in the living room | current_temperature livingroom:@living_room
what is the temperature in the bedroom? | current_temperature bedroom:@bedroom
how warm is it in the living room | current_temperature livingroom:@living_room
what's the current temperature | current_temperature -
what is the freezer temperature | current_temperature :fridge/FREEZER
what's the living room ac set to? | target_temperature livingroomac:ac@living_room
what is the target temperature of the bedroom ac | target_temperature bedroomac:ac@bedroom
what temperature is the freezer set to | target_temperature :fridge/FREEZER
is the fridge door open? | door fridge:fridge
is the refrigerator door closed | door refrigerator:fridge
is the oven door open | door oven:oven
how is the air quality | air_quality -
how's the air in the bedroom? | air_quality bedroom:@bedroom
what's the air quality? | air_quality -
what's the fine dust level | air_quality -
what is the pm2.5 | air_quality -
what's the humidity in the bedroom | current_humidity bedroom:@bedroom
how humid is it | current_humidity : pron
what is running? | what_is_running -
what's on? | what_is_running -
is anything on | what_is_running -
is anything running? | what_is_running -
which appliances are running | what_is_running -
what appliances are on | what_is_running -
turn    on   the    washer | turn_on washer:washer
TURN ON THE WASHER | turn_on washer:washer
Turn on the Washer!!! | turn_on washer:washer
please please turn on the washer | turn_on washer:washer
i want you to turn on the washer | turn_on washer:washer
go ahead and start the washer | start washer:washer
could you please turn off the tv for me? | turn_off tv:tv
would you mind turning off the tv | turn_off tv:tv
start the washer now | start washer:washer
just start the dryer | start dryer:dryer
washer | ! no_intent
the living room ac | ! no_intent
set the ac | ! missing_value
asdkjh qwe zxc | ! no_intent
hello there | ! no_intent
what is the meaning of life | ! no_intent
set the styler to | ! missing_value
"""

# Commands for later, schedules, implied relative changes.
LATER = """
turn off the ac at 7 pm | turn_off ac:ac at=19:00
turn on the living room ac at 7:30 pm | turn_on livingroomac:ac@living_room at=19:30
turn on the bedroom ac at 7.30pm | turn_on bedroomac:ac@bedroom at=19:30
turn off the ac at 19:30 | turn_off ac:ac at=19:30
turn off the ac at 7 in the evening | turn_off ac:ac at=19:00
start the washer at 7 o'clock | start washer:washer at=7:00?
start the dishwasher at noon | start dishwasher:dish at=12:00
turn off the air purifier at midnight | turn_off airpurifier:purifier at=0:00
start the washer tomorrow at 8 am | start washer:washer at=8:00+1
start the dryer tomorrow morning at 8 | start dryer:dryer at=8:00+1
turn off the ac at 7 | turn_off ac:ac at=7:00?
turn the ac on at 7 pm | turn_on ac:ac at=19:00
set the ac to 23 at 7 pm | set_temperature ac:ac v=23 at=19:00
set the living room ac to 22 degrees at 6:30 pm | set_temperature livingroomac:ac@living_room v=22° at=18:30
set the ac at 23 | set_temperature ac:ac v=23
set the ac at 23.5 | set_temperature ac:ac v=23.5
set the ac to cool at 7 | set_mode ac:ac v=cool at=7:00?
turn it off at 11 at night | turn_off : pron at=23:00
turn off the tv at 11 tonight | turn_off tv:tv at=23:00
turn off the ac at seven pm | turn_off ac:ac at=19:00
start the washer at 7 p.m. | start washer:washer at=19:00
at 7 pm, turn off the ac | turn_off ac:ac at=19:00
please start the washer at 6 am | start washer:washer at=6:00
turn the bedroom AC off at 12 am | turn_off bedroomac:ac@bedroom at=0:00
turn off the ac at 13 pm | ! missing_value
turn off the ac at 25 | ! missing_value
turn off the ac at 7:75 | ! missing_value
turn the bedroom AC off in 2 hours | turn_off bedroomac:ac@bedroom delay=7200
turn off the ac in an hour and a half | turn_off ac:ac delay=5400
turn off the air purifier after 30 minutes | turn_off airpurifier:purifier delay=1800
turn off the tv in half an hour | turn_off tv:tv delay=1800
turn off the living room ac 2 hours from now | turn_off livingroomac:ac@living_room delay=7200
start the dryer in 90 minutes | start dryer:dryer delay=5400
cancel the washer's delayed start | cancel_schedule washer:washer
cancel the AC timer | cancel_schedule ac:ac
cancel the schedule for the robot cleaner | cancel_schedule robotcleaner:robot
cancel all timers | cancel_schedule : every
clear the dryer schedule | cancel_schedule dryer:dryer
delete the timer on the living room ac | cancel_schedule livingroomac:ac@living_room
remove the dishwasher delayed start | cancel_schedule dishwasher:dish
turn off the sleep timer on the bedroom ac | cancel_schedule bedroomac:ac@bedroom
please cancel the washer schedule | cancel_schedule washer:washer
stop the timer on the ac | cancel_schedule ac:ac
cancel the timer | cancel_schedule -
cancel | stop -
never mind | ! no_intent
clear the dryer | ! no_intent
what's scheduled? | schedules -
what timers are set? | schedules -
is anything scheduled? | schedules -
when will the washer start? | schedules washer:washer
is there a timer on the AC? | schedules ac:ac
any timers on the dryer? | schedules dryer:dryer
what is scheduled for the washer | schedules washer:washer
show me the schedules | schedules -
when does the dishwasher start | schedules dishwasher:dish
turn it up | set_temperature : pron dir=up implied
turn it down a bit | set_temperature : pron dir=down implied
higher | set_temperature - dir=up implied
lower | set_temperature - dir=down implied
make it a little higher | set_temperature : pron dir=up implied
turn the bedroom ac higher | set_temperature bedroomac:ac@bedroom dir=up implied
raise it by 2 | set_temperature : pron v=2 dir=up implied
turn up the tv | set_volume tv:tv dir=up implied
volume up | set_volume - dir=up
turn the volume down a bit | set_volume - dir=down
turn the temperature down | set_temperature - dir=down
turn it up 2 degrees | set_temperature : pron v=2° dir=up
volume down by 5 | set_volume - v=5 dir=down
volume up by 3 | set_volume - v=3 dir=up
volume down 5 | set_volume - v=5 dir=down
turn it down by 5 | set_temperature : pron v=5 dir=down implied
turn the fan speed down one step | set_fan_speed - dir=down
fan speed up one step | set_fan_speed - dir=up
one step higher on the fan | set_fan_speed - dir=up
turn the living room ac fan down a notch | set_fan_speed livingroomac:ac@living_room dir=down
a bit higher | set_temperature - dir=up implied
a bit more | ! no_intent
a little more | ! no_intent
"""


def cases() -> list[tuple[str, str]]:
    """All English cases: the written lines and the generated verb-form combinations."""
    written = [
        tuple(part.strip() for part in line.rsplit("|", 1))
        for line in (WRITTEN + LATER).splitlines()
        if line.strip()
    ]
    return [(utterance, spec) for utterance, spec in written] + _generated()
