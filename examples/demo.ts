// The demo: the finance core (a loan schedule, savings interest, what a money lender's flat
// rate really costs) and one member's life through the pure domain.
import './loan-and-savings.ts';
import './member-life.ts';
