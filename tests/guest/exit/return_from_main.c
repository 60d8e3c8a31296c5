/* Returning 5 from main exits with status 5 (through the libc's exit path). */
/* guest-test: exit=5 */
int main(void)
{
    return 5;
}
