// Seed for the content catalog (SPEC §3.3): education items and partner offers, loaded into the
// database as approved content. Partners are fictional. Every text passes the tone checker and
// the harmful-product block (catalog-seed.test.ts holds the seed to that and to its coverage).
//
// Writing notes: `because` is appended to a sentence that cites the customer's own numbers, so
// it says what the item does, in general terms, and never repeats or invents customer figures.
// Plain words, no blame, no promises, no instructions about regulated decisions.
import type { PersonaId } from "../types";
import type { ContentFormat, ContentItem, Eligibility, TriggerId } from "./content";

/** Bump when the seed changes so a re-seed can tell what it is replacing. */
export const CATALOG_SEED_VERSION = 1;

type EducationFormat = Exclude<ContentFormat, "offer">;

interface EducationSeed {
  id: `edu-${string}`;
  format: EducationFormat;
  title: string;
  summary: string;
  because: string;
  personas: PersonaId[];
  triggers: TriggerId[];
}

interface OfferSeed {
  id: `offer-${string}`;
  title: string;
  summary: string;
  because: string;
  personas: PersonaId[];
  triggers: TriggerId[];
  eligibility: Eligibility;
  product_category: string;
  partner: string;
}

function education(seed: EducationSeed): ContentItem {
  return { ...seed, kind: "education", eligibility: {}, product_category: null, partner: null };
}

function offer(seed: OfferSeed): ContentItem {
  return { ...seed, kind: "offer", format: "offer" };
}

const SAVINGS_LIKE = ["savings", "money market", "cash management"];

const EDUCATION: ContentItem[] = [
  // --- High utilization: utilisation and interest, payment plans, autopay -------------------
  education({
    id: "edu-credit-utilization-basics",
    format: "article",
    title: "How credit utilization works",
    summary: "Utilization is the share of your card limits that you are using. This guide shows how it is figured and why it matters for credit scores.",
    because: "This guide explains how utilization is figured and simple ways to bring it under 30%.",
    personas: ["high_utilization"],
    triggers: ["credit_utilization_high", "credit_utilization_elevated"],
  }),
  education({
    id: "edu-utilization-calculator",
    format: "calculator",
    title: "Card utilization calculator",
    summary: "Enter each card's balance and limit to see its utilization. Try different payments to see how the numbers change.",
    because: "This calculator shows how much each payment could move that number, card by card.",
    personas: ["high_utilization"],
    triggers: ["credit_utilization_high", "credit_utilization_elevated"],
  }),
  education({
    id: "edu-card-interest-explained",
    format: "article",
    title: "Where credit card interest comes from",
    summary: "Interest is charged on the balance you carry past the due date. This article walks through how the APR turns into a monthly charge.",
    because: "This article shows how interest builds on a carried balance and what tends to lower it.",
    personas: ["high_utilization"],
    triggers: ["credit_interest", "credit_utilization_high"],
  }),
  education({
    id: "edu-minimum-payment-calculator",
    format: "calculator",
    title: "Minimum payment vs. fixed payment calculator",
    summary: "Compare paying the minimum with paying a set amount each month. See the payoff time and total interest for each.",
    because: "This calculator compares payoff time and total cost at a few different monthly payments.",
    personas: ["high_utilization"],
    triggers: ["credit_minimum_only", "credit_interest"],
  }),
  education({
    id: "edu-card-payoff-plan-template",
    format: "template",
    title: "Card payoff plan",
    summary: "List each card with its balance, rate and minimum. Then compare paying the highest rate first with paying the smallest balance first.",
    because: "This template helps you list each card and compare two common payoff orders side by side.",
    personas: ["high_utilization"],
    triggers: ["credit_utilization_high", "credit_interest", "credit_minimum_only"],
  }),
  education({
    id: "edu-hardship-payment-plans",
    format: "article",
    title: "How card payment plans and hardship programs work",
    summary: "Many card issuers offer short-term plans with lower rates or payments. This article covers what they are and what they can affect.",
    because: "This article explains what card payment plans are and questions to ask before joining one.",
    personas: ["high_utilization", "fee_fighter"],
    triggers: ["credit_overdue", "credit_interest", "credit_minimum_only"],
  }),
  education({
    id: "edu-autopay-setup-checklist",
    format: "checklist",
    title: "Set up card autopay without surprises",
    summary: "Autopay can cover the minimum, the statement balance, or a fixed amount. This checklist helps you pick one and check the timing.",
    because: "This checklist walks through setting up autopay so a due date is less likely to slip by.",
    personas: ["high_utilization", "fee_fighter"],
    triggers: ["credit_overdue", "fees_late", "credit_minimum_only"],
  }),
  education({
    id: "edu-missed-payment-next-steps",
    format: "checklist",
    title: "After a missed card payment",
    summary: "A short list of steps that often help once a due date has passed. It covers calling the issuer and asking about a payment plan.",
    because: "This checklist covers steps that often help after a missed due date, like asking about a payment plan.",
    personas: ["high_utilization", "fee_fighter"],
    triggers: ["credit_overdue", "fees_late"],
  }),
  education({
    id: "edu-statement-date-timing",
    format: "article",
    title: "Why your statement date matters",
    summary: "Card issuers usually report the balance on your statement, not on your due date. Paying a little before the statement closes can change what gets reported.",
    because: "This article explains how the timing of a payment can change the balance that gets reported.",
    personas: ["high_utilization", "savings_builder"],
    triggers: ["credit_utilization_elevated", "credit_utilization_high"],
  }),

  // --- Variable income: percent-based budgets, emergency fund basics, smoothing income -------
  education({
    id: "edu-percent-based-budget",
    format: "article",
    title: "Percent-based budgets for uneven income",
    summary: "Instead of fixed dollar amounts, each deposit is split by percent into needs, goals and wants. The plan grows or shrinks with each payment.",
    because: "This article shows how budgeting by percent, not fixed amounts, can flex with each payment.",
    personas: ["variable_income"],
    triggers: ["income_irregular", "income_low_buffer"],
  }),
  education({
    id: "edu-variable-income-budget-template",
    format: "template",
    title: "Budget template for uneven income",
    summary: "Plan a bare-bones baseline month first. Then decide ahead of time where any extra income goes.",
    because: "This template helps plan a lean baseline month and decide in advance where extra income goes.",
    personas: ["variable_income"],
    triggers: ["income_irregular", "income_low_buffer"],
  }),
  education({
    id: "edu-income-smoothing-guide",
    format: "article",
    title: "Smoothing out uneven paychecks",
    summary: "Some people send every deposit to a holding account and pay themselves the same amount each week. This guide explains how that works.",
    because: "This guide shows how a holding account can turn uneven pay into a steady weekly amount.",
    personas: ["variable_income"],
    triggers: ["income_irregular"],
  }),
  education({
    id: "edu-baseline-income-worksheet",
    format: "template",
    title: "Baseline income worksheet",
    summary: "Use your deposits from the past year to find a typical low month. That number can anchor a budget that holds up in slow months.",
    because: "This worksheet helps find a low but realistic monthly income to plan around.",
    personas: ["variable_income"],
    triggers: ["income_irregular", "income_low_buffer"],
  }),
  education({
    id: "edu-lean-month-checklist",
    format: "checklist",
    title: "Lean month checklist",
    summary: "A list of what to cover first when income comes in late or low. It also lists calls that can buy time, like asking about a due date change.",
    because: "This checklist lists the bills to cover first and the calls worth making when income runs late.",
    personas: ["variable_income", "fee_fighter"],
    triggers: ["income_irregular", "income_low_buffer", "bills_recurring"],
  }),
  education({
    id: "edu-gig-tax-set-aside-calculator",
    format: "calculator",
    title: "Gig income set-aside calculator",
    summary: "Estimate a share of each gig payment to put aside for taxes. It gives a rough figure, not tax advice.",
    because: "This calculator estimates how much of each payment to set aside so tax time holds fewer surprises.",
    personas: ["variable_income"],
    triggers: ["income_irregular"],
  }),
  education({
    id: "edu-emergency-fund-basics",
    format: "article",
    title: "Emergency fund basics",
    summary: "An emergency fund is cash set aside for surprises like a car repair or a slow month. This article covers first goals and where people keep it.",
    because: "This article covers why a cash cushion helps, how big a first goal can be, and where people often keep it.",
    personas: ["variable_income", "savings_builder", "fee_fighter"],
    triggers: ["savings_low_emergency_fund", "savings_no_account", "income_low_buffer"],
  }),
  education({
    id: "edu-emergency-fund-calculator",
    format: "calculator",
    title: "Emergency fund target calculator",
    summary: "Enter your usual monthly costs to see a starter goal and a longer-term goal. You can also see how long each could take to reach.",
    because: "This calculator turns monthly costs into a starter goal and a longer-term one.",
    personas: ["variable_income", "savings_builder"],
    triggers: ["savings_low_emergency_fund", "income_low_buffer"],
  }),

  // --- Fee fighter: low-balance alerts, overdraft settings, buffer building, fee-free accounts
  education({
    id: "edu-low-balance-alerts",
    format: "checklist",
    title: "Set up low-balance alerts",
    summary: "Most banks can send a text or app alert when your balance drops below an amount you pick. This checklist helps you choose that amount.",
    because: "This checklist shows how to set a balance alert a little above your usual bills so there is time to act.",
    personas: ["fee_fighter", "variable_income"],
    triggers: ["fees_overdraft", "income_low_buffer"],
  }),
  education({
    id: "edu-overdraft-settings-explained",
    format: "article",
    title: "Overdraft settings, explained",
    summary: "Banks handle a short balance in different ways: declining the charge, covering it for a fee, or pulling from a linked account. This article compares them.",
    because: "This article explains the overdraft choices most banks offer and how each one works.",
    personas: ["fee_fighter"],
    triggers: ["fees_overdraft"],
  }),
  education({
    id: "edu-fee-refund-request-script",
    format: "template",
    title: "Fee refund request script",
    summary: "A short script for asking a bank or card issuer to take another look at a fee. Many will review a first or rare fee.",
    because: "This template gives a short, polite script for asking a bank or card issuer to review a fee.",
    personas: ["fee_fighter", "high_utilization"],
    triggers: ["fees_overdraft", "fees_late"],
  }),
  education({
    id: "edu-starter-buffer-plan",
    format: "template",
    title: "Starter buffer plan",
    summary: "A small cushion in checking can absorb timing gaps between bills and deposits. This plan helps set a goal and a few steps to reach it.",
    because: "This template helps set a small cushion goal for checking and a few steps to reach it.",
    personas: ["fee_fighter", "variable_income"],
    triggers: ["fees_overdraft", "income_low_buffer", "savings_low_emergency_fund"],
  }),
  education({
    id: "edu-fee-free-account-guide",
    format: "article",
    title: "What to look for in a fee-free account",
    summary: "Many banks and credit unions offer accounts with no monthly or overdraft fees. This guide lists features to compare.",
    because: "This guide lists the account features that tend to keep everyday banking costs low.",
    personas: ["fee_fighter"],
    triggers: ["fees_overdraft", "fees_atm"],
  }),
  education({
    id: "edu-atm-fee-checklist",
    format: "checklist",
    title: "Ways to get cash without ATM fees",
    summary: "In-network ATMs, cash back at checkout, and account refunds can all help. This checklist covers each one.",
    because: "This checklist covers simple ways to get cash without paying out-of-network charges.",
    personas: ["fee_fighter"],
    triggers: ["fees_atm"],
  }),
  education({
    id: "edu-yearly-fee-calculator",
    format: "calculator",
    title: "Yearly fee cost calculator",
    summary: "Add up overdraft, late and ATM fees to see their cost over a year. Seeing the total can help decide what to change first.",
    because: "This calculator adds up what fees like these could cost over a year, so it is easier to see what to change first.",
    personas: ["fee_fighter"],
    triggers: ["fees_overdraft", "fees_late", "fees_atm"],
  }),
  education({
    id: "edu-bill-due-date-calendar",
    format: "template",
    title: "Bill due-date calendar",
    summary: "Map each bill's due date next to the days money comes in. Some billers will move a due date on request.",
    because: "This template lines up due dates with paydays so bills are less likely to land before money arrives.",
    personas: ["fee_fighter", "subscription_heavy", "high_utilization"],
    triggers: ["fees_late", "bills_recurring", "credit_overdue"],
  }),

  // --- Subscription-heavy: subscription audit, cancel/negotiate, bill alerts -----------------
  education({
    id: "edu-subscription-audit-checklist",
    format: "checklist",
    title: "Subscription audit checklist",
    summary: "Go through each recurring charge and ask when you last used it. The checklist helps sort each one into keep, pause or cancel.",
    because: "This checklist walks through each recurring charge so you can decide which ones still earn their place.",
    personas: ["subscription_heavy"],
    triggers: ["subscriptions_many", "subscriptions_share"],
  }),
  education({
    id: "edu-cancel-or-negotiate-guide",
    format: "article",
    title: "How to cancel, pause or lower a subscription",
    summary: "Many services let you pause, switch to a cheaper plan, or cancel online. This guide covers each option and what to say if you call.",
    because: "This guide covers how to cancel, pause, or ask for a lower rate, with what to say.",
    personas: ["subscription_heavy"],
    triggers: ["subscriptions_many", "subscriptions_price_increase"],
  }),
  education({
    id: "edu-subscription-yearly-cost-calculator",
    format: "calculator",
    title: "Subscription yearly cost calculator",
    summary: "Turn each monthly charge into a yearly total. Seeing the year at once can make it easier to compare services.",
    because: "This tool turns each monthly charge into a yearly cost, so they are easy to compare side by side.",
    personas: ["subscription_heavy"],
    triggers: ["subscriptions_share", "subscriptions_many"],
  }),
  education({
    id: "edu-subscription-price-increase",
    format: "article",
    title: "When a subscription price goes up",
    summary: "Services often raise prices with only an email notice. This article covers how to spot a change and the choices you have.",
    because: "This article explains how to spot a price change and the choices you have when it happens.",
    personas: ["subscription_heavy"],
    triggers: ["subscriptions_price_increase"],
  }),
  education({
    id: "edu-bill-renewal-alerts",
    format: "checklist",
    title: "Set up bill and renewal alerts",
    summary: "Calendar reminders and bank alerts can warn you before a renewal or bill is charged. This checklist shows where to turn them on.",
    because: "This checklist shows how to get a heads-up before renewals and bills are charged.",
    personas: ["subscription_heavy", "fee_fighter"],
    triggers: ["bills_recurring", "subscriptions_many", "subscriptions_price_increase"],
  }),
  education({
    id: "edu-subscription-tracker-template",
    format: "template",
    title: "Subscription and bill tracker",
    summary: "One list for every subscription and bill, with its price, renewal date and how to cancel. Update it when something changes.",
    because: "This template keeps every subscription and bill in one list with its price, renewal date, and how to cancel.",
    personas: ["subscription_heavy"],
    triggers: ["subscriptions_many", "bills_recurring"],
  }),
  education({
    id: "edu-bill-negotiation-script",
    format: "template",
    title: "Bill negotiation script",
    summary: "A short script for asking a phone, internet or insurance company about a lower rate. It includes what to ask and what to write down.",
    because: "This template gives a short script to ask about a lower rate on phone, internet, or insurance bills.",
    personas: ["subscription_heavy", "fee_fighter"],
    triggers: ["bills_recurring", "subscriptions_price_increase"],
  }),
  education({
    id: "edu-bills-vs-subscriptions",
    format: "article",
    title: "Bills vs. subscriptions: what is the difference?",
    summary: "Bills like rent and power are hard to change quickly; subscriptions are often easier to adjust. Knowing which is which helps when planning cuts.",
    because: "This article explains which recurring costs are often easier to change and which take more planning.",
    personas: ["subscription_heavy"],
    triggers: ["subscriptions_share", "bills_recurring"],
  }),

  // --- Savings builder: goals, automation, APY, HYSA/CD basics --------------------------------
  education({
    id: "edu-savings-goal-planner",
    format: "template",
    title: "Savings goal planner",
    summary: "Name a goal, pick a date, and split it into a monthly amount. Track progress as you go.",
    because: "This template helps name a goal, set a date, and break it into a monthly amount.",
    personas: ["savings_builder"],
    triggers: ["savings_growing", "savings_healthy_buffer"],
  }),
  education({
    id: "edu-automate-savings-checklist",
    format: "checklist",
    title: "Automate your savings",
    summary: "A repeating transfer on payday moves money to savings before it gets spent. This checklist covers amount, timing and where to send it.",
    because: "This checklist shows how to set a repeating transfer so saving happens without extra effort.",
    personas: ["savings_builder", "variable_income"],
    triggers: ["savings_growing", "savings_low_emergency_fund"],
  }),
  education({
    id: "edu-apy-explained",
    format: "article",
    title: "APY, explained",
    summary: "APY is the yearly return on savings with compounding included. This article shows how to compare rates across accounts.",
    because: "This article explains what APY means and how to compare rates across accounts.",
    personas: ["savings_builder"],
    triggers: ["savings_growing", "savings_healthy_buffer"],
  }),
  education({
    id: "edu-hysa-vs-cd",
    format: "article",
    title: "High-yield savings vs. CDs",
    summary: "A high-yield savings account lets you take money out any time, while a CD locks in a rate for a set term. This guide compares the two.",
    because: "This guide compares how high-yield savings accounts and CDs work, including access to money and rate changes.",
    personas: ["savings_builder"],
    triggers: ["savings_healthy_buffer", "savings_growing"],
  }),
  education({
    id: "edu-savings-growth-calculator",
    format: "calculator",
    title: "Savings growth calculator",
    summary: "Enter a starting balance, a monthly deposit and a rate. See how your savings could grow over time.",
    because: "This calculator shows how steady deposits and interest could add up, based on a rate you enter.",
    personas: ["savings_builder"],
    triggers: ["savings_growing"],
  }),
  education({
    id: "edu-cd-ladder-planner",
    format: "calculator",
    title: "CD ladder planner",
    summary: "Split savings across CDs that end at different times. This planner shows when each one opens up and what it could earn.",
    because: "This planner shows how spreading savings across several CD terms can keep some money within reach.",
    personas: ["savings_builder"],
    triggers: ["savings_healthy_buffer"],
  }),
  education({
    id: "edu-first-savings-account",
    format: "article",
    title: "Opening a first savings account",
    summary: "A separate savings account can make it easier to keep a cushion apart from everyday spending. This article covers what to compare.",
    because: "This article lists what to compare in a savings account, such as fees, access, and deposit insurance.",
    personas: ["savings_builder", "fee_fighter", "variable_income"],
    triggers: ["savings_no_account", "savings_low_emergency_fund"],
  }),
];

const OFFERS: ContentItem[] = [
  offer({
    id: "offer-harbor-savings-hysa",
    title: "Harbor Savings High-Yield Savings",
    summary: "An FDIC-insured savings account with a variable rate, no monthly fee and no minimum balance. Rates can change at any time.",
    because: "This savings account has no monthly fee, so a cushion can grow while staying easy to reach.",
    personas: ["savings_builder", "variable_income", "fee_fighter", "subscription_heavy"],
    triggers: ["savings_no_account", "savings_low_emergency_fund", "income_low_buffer"],
    eligibility: { excludes_if_holds_subtypes: SAVINGS_LIKE, min_monthly_income_cents: 50_000 },
    product_category: "hysa",
    partner: "Harbor Savings",
  }),
  offer({
    id: "offer-pinecrest-cu-starter-savings",
    title: "Pinecrest Credit Union Starter Savings",
    summary: "A federally insured credit union savings account that opens with a small deposit. It has no monthly fee.",
    because: "This account makes it simple to keep a small cushion apart from everyday spending.",
    personas: ["fee_fighter", "variable_income"],
    triggers: ["savings_no_account", "income_low_buffer", "fees_overdraft"],
    eligibility: { excludes_if_holds_subtypes: SAVINGS_LIKE },
    product_category: "savings_account",
    partner: "Pinecrest Credit Union",
  }),
  offer({
    id: "offer-cedar-trust-12-month-cd",
    title: "Cedar Trust 12-Month CD",
    summary: "An FDIC-insured certificate of deposit with a fixed rate for 12 months. Taking money out early has a penalty, shown before you open it.",
    because: "A CD locks in a rate for money that can stay put while an emergency fund stays in savings.",
    personas: ["savings_builder"],
    triggers: ["savings_healthy_buffer", "savings_growing"],
    eligibility: { requires_account_subtypes: SAVINGS_LIKE, min_monthly_income_cents: 150_000 },
    product_category: "cd",
    partner: "Cedar Trust",
  }),
  offer({
    id: "offer-evergreen-no-penalty-cd",
    title: "Evergreen Bank No-Penalty CD",
    summary: "An FDIC-insured 11-month CD with a fixed rate and no fee for taking money out after the first week.",
    because: "A no-penalty CD holds a fixed rate while keeping money within reach if plans change.",
    personas: ["savings_builder"],
    triggers: ["savings_growing", "savings_healthy_buffer"],
    eligibility: { requires_account_subtypes: SAVINGS_LIKE },
    product_category: "cd",
    partner: "Evergreen Bank",
  }),
  offer({
    id: "offer-northstar-balance-transfer-card",
    title: "Northstar Balance Transfer Card",
    summary: "A card with an introductory 0% APR on balance transfers for 15 months and a 3% transfer fee. The regular APR applies after the intro period.",
    because: "A lower rate on transferred balances could mean more of each payment goes to the balance instead of interest.",
    personas: ["high_utilization"],
    triggers: ["credit_interest", "credit_utilization_high", "credit_utilization_elevated"],
    eligibility: { min_credit_score: 670, max_utilization_pct: 90, min_monthly_income_cents: 200_000 },
    product_category: "balance_transfer_card",
    partner: "Northstar Card",
  }),
  offer({
    id: "offer-meadow-consolidation-loan",
    title: "Meadow Lending Fixed-Rate Consolidation Loan",
    summary: "A personal loan with one fixed rate and payment, for combining card balances. The rate and total cost are shown before you apply, and there is no prepayment fee.",
    because: "Combining balances into one fixed payment can make the payoff date and total cost easier to see.",
    personas: ["high_utilization"],
    triggers: ["credit_interest", "credit_minimum_only", "credit_utilization_high"],
    eligibility: { min_credit_score: 660, min_monthly_income_cents: 250_000, max_utilization_pct: 95 },
    product_category: "debt_consolidation_loan",
    partner: "Meadow Lending",
  }),
  offer({
    id: "offer-keystone-secured-card",
    title: "Keystone Secured Card",
    summary: "A credit card backed by a refundable deposit that sets your limit. It has no annual fee and reports to all three credit bureaus.",
    because: "A secured card is one way to build a record of on-time payments with a limit you choose.",
    personas: ["high_utilization"],
    triggers: ["credit_overdue", "credit_minimum_only"],
    eligibility: { requires_account_subtypes: ["checking"] },
    product_category: "secured_card",
    partner: "Keystone Bank",
  }),
  offer({
    id: "offer-bridgeway-credit-builder-loan",
    title: "Bridgeway Credit Builder Loan",
    summary: "A small loan held in a savings account while you make monthly payments. When it is paid off, the money is released to you.",
    because: "A credit builder loan records on-time payments while setting money aside at the same time.",
    personas: ["high_utilization"],
    triggers: ["credit_overdue", "credit_minimum_only", "savings_low_emergency_fund"],
    eligibility: { requires_account_subtypes: ["checking"], min_monthly_income_cents: 80_000 },
    product_category: "credit_builder_loan",
    partner: "Bridgeway Credit Union",
  }),
  offer({
    id: "offer-clearwater-fee-free-checking",
    title: "Clearwater Fee-Free Checking",
    summary: "A checking account with no monthly fee, no overdraft fees and a large fee-free ATM network. Charges that would overdraw the account are declined.",
    because: "An account without overdraft or monthly fees takes those charges off the table.",
    personas: ["fee_fighter"],
    triggers: ["fees_overdraft", "fees_atm", "fees_late"],
    eligibility: {},
    product_category: "fee_free_checking",
    partner: "Clearwater Bank",
  }),
  offer({
    id: "offer-lookout-balance-alerts",
    title: "Lookout Balance Alerts",
    summary: "A free app that links to your bank and sends a warning before a bill could push your balance below zero.",
    because: "An early warning gives time to move money or shift a payment before a fee hits.",
    personas: ["fee_fighter", "variable_income"],
    triggers: ["fees_overdraft", "income_low_buffer", "bills_recurring"],
    eligibility: { requires_account_subtypes: ["checking"] },
    product_category: "overdraft_protection_alerts",
    partner: "Lookout Money",
  }),
  offer({
    id: "offer-tideline-income-smoothing",
    title: "Tideline Steady Pay",
    summary: "Deposits go into an FDIC-insured holding account, and Tideline pays you a set amount from it each week. It is your own money, not a loan, with a flat monthly fee.",
    because: "A steady weekly amount from your own deposits can make uneven months easier to plan.",
    personas: ["variable_income"],
    triggers: ["income_irregular", "income_low_buffer"],
    eligibility: { requires_account_subtypes: ["checking"] },
    product_category: "income_smoothing_app",
    partner: "Tideline",
  }),
  offer({
    id: "offer-ledgerly-budgeting-app",
    title: "Ledgerly Budgeting App",
    summary: "A budgeting app that sorts spending, tracks goals and supports percent-based plans. The basic version is free.",
    because: "A budgeting app can keep spending, bills and goals in one view as things change.",
    personas: ["variable_income", "subscription_heavy", "savings_builder"],
    triggers: ["income_irregular", "subscriptions_share", "savings_growing"],
    eligibility: {},
    product_category: "budgeting_app",
    partner: "Ledgerly",
  }),
  offer({
    id: "offer-trimwise-subscription-manager",
    title: "Trimwise Subscription Manager",
    summary: "An app that lists your recurring charges, flags price changes and helps you cancel from one place. It has a flat monthly price and no share of savings.",
    because: "Seeing every recurring charge in one place makes it easier to decide what to keep.",
    personas: ["subscription_heavy"],
    triggers: ["subscriptions_many", "subscriptions_price_increase", "subscriptions_share"],
    eligibility: {},
    product_category: "subscription_manager",
    partner: "Trimwise",
  }),
];

export const CATALOG_SEED: readonly ContentItem[] = [...EDUCATION, ...OFFERS];
