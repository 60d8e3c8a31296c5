/*
 * arch/x86_64/rtc.c: the wall clock at boot, from the CMOS real-time clock
 * (ports 0x70/0x71: seconds 0x00, minutes 0x02, hours 0x04, day 0x07,
 * month 0x08, year 0x09, century 0x32; status A bit 7 while an update is
 * in progress, status B bit 2 for binary instead of BCD and bit 1 for 24
 * hours), read twice until two reads agree, taken as UTC.
 */
#include "arch/x86_64/timer.h"
#include "arch/x86_64/x86.h"

struct rtc_time {
	unsigned int	sec, min, hour, day, mon, year, century;
};

static unsigned int
cmos(uint8_t reg)
{
	outb(0x70, reg);
	return inb(0x71);
}

static void
read_once(struct rtc_time *t)
{
	while (cmos(0x0a) & 0x80)
		;
	t->sec = cmos(0x00);
	t->min = cmos(0x02);
	t->hour = cmos(0x04);
	t->day = cmos(0x07);
	t->mon = cmos(0x08);
	t->year = cmos(0x09);
	t->century = cmos(0x32);
}

static unsigned int
bcd(unsigned int v)
{
	return (v & 0x0f) + (v >> 4) * 10;
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static int64_t
days_from_civil(int64_t y, unsigned int m, unsigned int d)
{
	int64_t era;
	unsigned int yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned int)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

uint64_t
x86_rtc_read_ns(void)
{
	struct rtc_time a, b;
	unsigned int status;
	uint64_t secs;
	bool pm;

	read_once(&b);
	do {
		a = b;
		read_once(&b);
	} while (a.sec != b.sec || a.min != b.min || a.hour != b.hour ||
	    a.day != b.day || a.mon != b.mon || a.year != b.year);
	status = cmos(0x0b);
	pm = (a.hour & 0x80) != 0;
	a.hour &= 0x7f;
	if (!(status & 0x04)) {
		a.sec = bcd(a.sec);
		a.min = bcd(a.min);
		a.hour = bcd(a.hour);
		a.day = bcd(a.day);
		a.mon = bcd(a.mon);
		a.year = bcd(a.year);
		a.century = bcd(a.century);
	}
	if (!(status & 0x02))
		a.hour = a.hour % 12 + (pm ? 12 : 0);
	if (a.century < 19 || a.century > 99)
		a.century = 20;
	if (a.mon < 1 || a.mon > 12 || a.day < 1 || a.day > 31)
		return 0;
	secs = (uint64_t)days_from_civil(a.century * 100 + a.year, a.mon,
	    a.day) * 86400 + (uint64_t)a.hour * 3600 + (uint64_t)a.min * 60 +
	    a.sec;
	return secs * 1000000000ull;
}
